import type { DateTime } from 'luxon'
import { renderExplanation, type ExplanationLocale, type Pause } from '#clock/index'
import type SlaPolicy from '#models/sla_policy'
import type { TransactionLookups } from '#actions/tickets/transaction_lookups'
import sla, { type StepDeadline } from '#services/sla_service'
import type { SlaStep, StepLimit } from '#domain/sla/steps'

/**
 * Deadlines for one ticket under its policy. Department steps (sign, return,
 * handle, supervision answer) count in the department's calendar (a 7x24
 * emergency desk differs from an office); center steps in the default one.
 */
export class StepDeadlines {
  constructor(
    private policy: SlaPolicy,
    /** the transaction's departments and calendars */
    private lookups: TransactionLookups
  ) {}

  async forCenter(
    step: SlaStep,
    start: DateTime,
    pauses: readonly Pause[] = []
  ): Promise<StepDeadline> {
    const calendar = await this.lookups.calendar(null)
    return sla.deadline(this.policy, step, start, calendar, pauses)
  }

  async forDepartment(
    departmentId: number,
    step: SlaStep,
    start: DateTime,
    pauses: readonly Pause[] = []
  ): Promise<StepDeadline> {
    const calendar = await this.lookups.departmentCalendar(departmentId)
    return sla.deadline(this.policy, step, start, calendar, pauses)
  }
}

export interface DeadlineNote {
  step: SlaStep
  dueAt: string
  warnAt: string
  limit: StepLimit
  policyId: number
  calendarIncomplete: boolean
  text: Record<ExplanationLocale, string>
}

/**
 * What is kept about a deadline (on the row and in the event log): the instant
 * and, in both languages, why it is that instant.
 */
export function describeDeadline(deadline: StepDeadline): DeadlineNote {
  return {
    step: deadline.step,
    dueAt: deadline.dueAt.toISO()!,
    warnAt: deadline.warnAt.toISO()!,
    limit: deadline.limit,
    policyId: deadline.policy.id,
    calendarIncomplete: deadline.calendarIncomplete,
    text: {
      'zh-CN': renderExplanation(deadline.explanation, 'zh-CN'),
      'en': renderExplanation(deadline.explanation, 'en'),
    },
  }
}
