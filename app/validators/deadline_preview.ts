import vine from '@vinejs/vine'
import { SLA_STEPS } from '#domain/sla/steps'
import { CHANNELS, KINDS, URGENCIES } from '#domain/ticket_attributes'

/** GET /api/v1/deadlines/preview: when would `step` be due if it started at `from`? */
export const deadlinePreviewValidator = vine.create({
  // ISO 8601; without an offset it is read as Asia/Shanghai wall-clock time.
  from: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/),
  step: vine.enum(SLA_STEPS),
  kind: vine.enum(KINDS),
  urgency: vine.enum(URGENCIES),
  channel: vine.enum(CHANNELS).optional(),
  // a category code, as printed on the category tree (e.g. 010101)
  category: vine
    .string()
    .trim()
    .maxLength(32)
    .exists({ table: 'categories', column: 'code' })
    .optional(),
  calendar: vine
    .number()
    .withoutDecimals()
    .positive()
    .exists({ table: 'calendars', column: 'id' })
    .optional(),
})
