import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import { renderExplanation, type ExplanationLocale, type Pause } from '#clock/index'
import type SlaPolicy from '#models/sla_policy'
import Department from '#models/department'
import calendars from '#services/calendar_service'
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
    /** the transaction's client: lookups must not take a second pool connection */
    private client?: QueryClientContract
  ) {}

  async forCenter(
    step: SlaStep,
    start: DateTime,
    pauses: readonly Pause[] = []
  ): Promise<StepDeadline> {
    const { calendar } = await calendars.get(null, this.client)
    return sla.deadline(this.policy, step, start, calendar, pauses)
  }

  async forDepartment(
    departmentId: number,
    step: SlaStep,
    start: DateTime,
    pauses: readonly Pause[] = []
  ): Promise<StepDeadline> {
    const department = await Department.findOrFail(departmentId, { client: this.client })
    const { calendar } = await calendars.get(department.calendarId, this.client)
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
