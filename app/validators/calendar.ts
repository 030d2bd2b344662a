import vine from '@vinejs/vine'

/** Notices run to about 2,000 characters; the cap only stops abuse. */
export const MAX_NOTICE_CHARS = 20_000

// Not trimmed: error messages count lines from the text as pasted.
const noticeText = () => vine.string().minLength(1).maxLength(MAX_NOTICE_CHARS)
const noticeYear = () => vine.number().withoutDecimals().range([2000, 2100])

/** `POST /api/v1/calendars/:id/notice` */
export const importNoticeValidator = vine.create({
  text: noticeText(),
  year: noticeYear().optional(),
  dryRun: vine.boolean().optional(),
})

/** The calendars page: preview and save post the same fields. */
export const importNoticeFormValidator = vine.create({
  calendarId: vine
    .number()
    .withoutDecimals()
    .positive()
    .exists({ table: 'calendars', column: 'id' }),
  text: noticeText(),
  year: noticeYear().nullable(),
})
