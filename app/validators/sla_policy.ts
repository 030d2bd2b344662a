import vine from '@vinejs/vine'
import { DURATION_UNITS, SLA_STEPS, type SlaStep } from '#domain/sla/steps'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'

/** A step limit: day counts are whole numbers (the 次日起 rule counts days). */
const stepLimit = () =>
  vine.object({
    amount: vine.number().positive().max(10_000).decimal([0, 2]),
    unit: vine.enum(DURATION_UNITS),
  })

const limits = vine.object(
  Object.fromEntries(SLA_STEPS.map((step) => [step, stepLimit()])) as Record<
    SlaStep,
    ReturnType<typeof stepLimit>
  >
)

/** A new version of a policy key; it applies from `effectiveFrom` (default: now). */
export const createSlaPolicyValidator = vine.create({
  kind: vine.enum(KINDS),
  urgency: vine.enum(URGENCIES),
  channel: vine.enum(CHANNELS).nullable().optional(),
  categoryId: vine
    .number()
    .withoutDecimals()
    .positive()
    .exists({ table: 'categories', column: 'id' })
    .nullable()
    .optional(),
  limits,
  warningRatio: vine.number().range([0.1, 0.99]),
  maxExtensionsPerRound: vine.number().withoutDecimals().range([0, 5]),
  maxRedoRounds: vine.number().withoutDecimals().range([0, 5]),
  effectiveFrom: vine.date({ formats: { utc: true } }).optional(),
})

export const listSlaPoliciesValidator = vine.create({
  history: vine.boolean().optional(),
})
