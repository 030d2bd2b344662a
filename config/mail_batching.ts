/**
 * Alert mails: at most one mail per recipient per window, holding everything
 * that came up for them in it; failed sends retry with exponential backoff and
 * end in the `dead` state (visible to admins, `node ace outbox:retry`).
 */
const mailBatching = {
  batchWindowSeconds: 120,
  attempts: 5,
  backoffMs: 30_000,
}

export default mailBatching
