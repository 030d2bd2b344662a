import env from '#start/env'

/**
 * Alert mails: at most one mail per recipient per window, holding everything
 * that came up for them in it; failed sends retry with exponential backoff and
 * end in the `dead` state (visible to admins, `node ace outbox:retry`).
 */
const mailBatching = {
  batchWindowSeconds: env.get('MAIL_BATCH_WINDOW_SECONDS', 120),
  /** alert lines listed in one mail; the rest are counted, to be read in the app */
  maxAlertsPerMail: 100,
  attempts: 5,
  backoffMs: 30_000,
  /**
   * A claimed row (`sending`) this long untouched belongs to a sender that
   * died mid-send: it goes back to pending and is sent once more.
   */
  stuckSendingMinutes: 5,
  /**
   * A `queued` row whose batch job has not taken it this long after its
   * window closed lost its job (Redis flushed, or it joined a batch that had
   * just finished): it goes back to pending and joins a new batch. Longer
   * than the longest backoff between two attempts (30 s × 2⁴ = 8 min).
   */
  lostQueuedMinutes: 15,
  /** The daily digest per department (issue 5): cron in the zone below. */
  digest: {
    cron: '30 8 * * *',
    tz: 'Asia/Shanghai',
    /** longer lists are cut, with the full count in the mail */
    maxItemsPerList: 100,
  },
}

export default mailBatching
