import limiter from '@adonisjs/limiter/services/main'

/** Failed sign-ins allowed per account and address before a cool-down. */
export const MAX_FAILED_LOGINS = 5
const WINDOW = '15 mins'

/**
 * Runs a credential check under a rate limit keyed by address and email:
 * each failure consumes one attempt, a success resets the count, and once
 * the attempts are used up the key is blocked and a 429 is thrown (with
 * Retry-After) without checking the password at all.
 */
export async function throttleLogin<T>(
  ip: string,
  email: string,
  attempt: () => Promise<T>
): Promise<T> {
  const key = `login:${ip}:${email.toLowerCase()}`
  const [error, result] = await limiter
    .use({ requests: MAX_FAILED_LOGINS, duration: WINDOW, blockDuration: WINDOW })
    .penalize(key, attempt)
  if (error) {
    error.translation = {
      identifier: 'errors.E_TOO_MANY_ATTEMPTS',
      data: { seconds: error.response.availableIn },
    }
    throw error
  }
  return result
}
