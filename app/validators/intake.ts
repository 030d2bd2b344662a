import vine from '@vinejs/vine'
import { KINDS, URGENCIES } from '#domain/ticket_attributes'
import { CONTACT_PREFERENCES } from '#domain/intake/channel_data'
import { ONLINE_SOURCES } from '#domain/intake/adapters/online'
import { existingIdIn } from '#validators/existing_ids'
import { knownDepartment } from '#validators/ticket_action'

// Mainland mobile or landline, with optional +86 and separators.
const PHONE = /^(?:\+?86[\s-]?)?(?:1\d{2}[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})$/

const common = {
  kind: vine.enum(KINDS),
  urgency: vine.enum(URGENCIES).optional(),
  categoryId: vine
    .number()
    .withoutDecimals()
    .positive()
    .exists(existingIdIn('categories'))
    .nullable()
    .optional(),
  title: vine.string().trim().maxLength(200).nullable().optional(),
  content: vine.string().trim().minLength(5).maxLength(5000),
  address: vine.string().trim().maxLength(255).nullable().optional(),
  areaDepartmentId: vine
    .number()
    .withoutDecimals()
    .positive()
    .exists(existingIdIn('departments'))
    .nullable()
    .optional(),
  requesterName: vine.string().trim().maxLength(100).nullable().optional(),
  requesterPhone: vine.string().trim().regex(PHONE).nullable().optional(),
  confidential: vine.boolean().optional(),
  contactPreference: vine.enum(CONTACT_PREFERENCES).optional(),
  /**
   * 受理即转办: route the ticket at once, in the intake's transaction (the
   * operator dispatches while the caller is still on the line).
   */
  dispatch: vine
    .object({
      leadDepartmentId: knownDepartment(),
      assistDepartmentIds: vine.array(knownDepartment()).maxLength(10).distinct().optional(),
    })
    .optional(),
}

export const hotlineIntakeValidator = vine.create({
  ...common,
  callId: vine.string().trim().maxLength(64).nullable().optional(),
  recordingRef: vine.string().trim().maxLength(255).nullable().optional(),
  callerNumber: vine.string().trim().regex(PHONE).nullable().optional(),
})

export const windowIntakeValidator = vine.create({
  ...common,
  kind: vine.enum(KINDS).optional(),
  serviceName: vine.string().trim().minLength(2).maxLength(200),
  hall: vine.string().trim().minLength(2).maxLength(200),
  window: vine.string().trim().maxLength(50).nullable().optional(),
  missing: vine.string().trim().minLength(2).maxLength(2000),
})

export const onlineIntakeValidator = vine.create({
  ...common,
  source: vine.enum(ONLINE_SOURCES),
  messageId: vine.string().trim().maxLength(100).nullable().optional(),
  attachments: vine.array(vine.string().trim().maxLength(500)).maxLength(20).optional(),
})
