import vine from '@vinejs/vine'
import { shanghaiInstantRule } from '#validators/rules/shanghai_instant'
import { STATUSES } from '#domain/lifecycle/index'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'

export const ticketListValidator = vine.create({
  status: vine.array(vine.enum(STATUSES)).maxLength(9).optional(),
  group: vine.enum(['open', 'paused', 'closed'] as const).optional(),
  channel: vine.enum(CHANNELS).optional(),
  kind: vine.enum(KINDS).optional(),
  urgency: vine.enum(URGENCIES).optional(),
  categoryId: vine.number().withoutDecimals().positive().optional(),
  departmentId: vine.number().withoutDecimals().positive().optional(),
  dueWithinHours: vine
    .number()
    .positive()
    .max(24 * 60)
    .optional(),
  overdue: vine.boolean().optional(),
  // Half-open range [from, to) on registration time; see parseShanghaiInstant.
  from: vine.string().trim().use(shanghaiInstantRule()).optional(),
  to: vine.string().trim().use(shanghaiInstantRule()).optional(),
  q: vine.string().trim().minLength(1).maxLength(100).optional(),
  sort: vine.enum(['newest', 'due'] as const).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
})

export const requesterLookupValidator = vine.create({
  phone: vine.string().trim().minLength(5).maxLength(30),
})
