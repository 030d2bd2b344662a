/**
 * The escalation ladder for department deadlines (sign 签收, handle 办理):
 * who hears about a deadline, and when. Fractions come from the SLA policy's
 * warning ratio (the warning instant is stored with each deadline).
 */
const deadlineConfig = {
  /** at the warning instant: the department's own staff */
  warn: { notify: ['department'] as const },
  /** at the due instant: the step is marked breached; the department and its leaders */
  due: { notify: ['department', 'leaders'] as const },
  /** this long past due: supervisors hear of it and an automatic 催办 is issued */
  escalate: { afterMinutes: 240, notify: ['supervisors'] as const, autoUrge: true },
  /**
   * The center's own steps (re-dispatch, review, callback) falling due: the
   * step is marked breached and the supervisors, who run the center, hear.
   */
  center: { notify: ['supervisors'] as const },
  /** A supervision order (催办/督办) unanswered at its due instant: the department and its leaders. */
  answer: { notify: ['department', 'leaders'] as const },
}

export default deadlineConfig
