import { performance } from 'node:perf_hooks'

/** The demo accounts' password (README: every demo account uses it). */
export const DEMO_PASSWORD = 'Jiesu@12345'

/** POST /api/v1/auth/tokens → the bearer token. */
export async function signIn(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const response = await fetch(`${baseUrl}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ email, password, tokenName: 'bench' }),
  })
  const body = (await response.json()) as { token?: string }
  if (response.status !== 201 || !body.token) {
    throw new Error(`sign-in as ${email} answered ${response.status}: ${JSON.stringify(body)}`)
  }
  return body.token
}

export interface Timed<T> {
  ms: number
  status: number
  body: T
}

/** One GET, timed from sending to the last byte of the JSON body. */
export async function timedGet<T = unknown>(url: string, token: string): Promise<Timed<T>> {
  const began = performance.now()
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  })
  const body = (await response.json()) as T
  return { ms: performance.now() - began, status: response.status, body }
}
