import type { DurationUnit } from '#clock/index'

/**
 * The steps that carry a time limit (domain.md, "Deadlines"):
 * sign 签收, return_window 退单时限, redispatch 退回后重新派单, handle 办理,
 * review 中心审核答复, callback 回访, supervision_answer 督办答复,
 * extension 单次延期上限.
 */
export const SLA_STEPS = [
  'sign',
  'return_window',
  'redispatch',
  'handle',
  'review',
  'callback',
  'supervision_answer',
  'extension',
] as const
export type SlaStep = (typeof SLA_STEPS)[number]

export const DURATION_UNITS: readonly DurationUnit[] = [
  'working_minutes',
  'working_hours',
  'working_days',
  'natural_minutes',
  'natural_hours',
  'natural_days',
]

export interface StepLimit {
  amount: number
  unit: DurationUnit
}

export type SlaLimits = Record<SlaStep, StepLimit>
