import vine from '@vinejs/vine'

export const listNotificationsValidator = vine.create({
  unread: vine.boolean().optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 100]).optional(),
})
