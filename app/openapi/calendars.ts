import { importNoticeValidator } from '#validators/calendar'
import { errorResponses, operation } from './components.js'
import {
  V1,
  arrayOf,
  bodyFrom,
  bool,
  dataOf,
  dateTime,
  id,
  int,
  json,
  obj,
  pathId,
  record,
  ref,
  str,
  type ApiArea,
} from './schema.js'

const noticeDay = record({
  date: str({ format: 'date' }),
  name: str({ description: 'The item as published, e.g. 国庆节、中秋节.' }),
})

export const calendarsArea: ApiArea = {
  tag: {
    name: 'calendars',
    description:
      'Working calendars: which years have holidays and adjusted working days (调休) ' +
      'loaded, and loading a year from the State Council notice.',
  },
  schemas: {
    CalendarOverview: record({
      id: id(),
      name: str(),
      zone: str({ description: 'IANA time zone, e.g. Asia/Shanghai.' }),
      isDefault: bool(),
      observesHolidays: bool(),
      version: int({ description: 'Bumped whenever a year is replaced.' }),
      years: arrayOf(
        record({
          year: int(),
          source: str({ description: 'Where the days came from, e.g. `notice`.' }),
          loadedAt: dateTime(),
        })
      ),
      nextYearMissing: bool({ description: 'Next year is due and not loaded yet.' }),
    }),
    NoticeImport: obj(
      {
        year: int(),
        holidays: arrayOf(noticeDay, { description: 'Every day off, ranges expanded, sorted.' }),
        workdays: arrayOf(noticeDay, { description: 'Every adjusted working day, sorted.' }),
        saved: bool({ description: 'False for a dry run.' }),
        change: record({
          calendarId: id(),
          year: int(),
          holidays: int(),
          workdays: int(),
          changedDates: arrayOf(str({ format: 'date' }), {
            description: 'Dates whose kind changed; open deadlines touching them are recomputed.',
          }),
        }),
      },
      ['year', 'holidays', 'workdays', 'saved']
    ),
  },
  paths: {
    [`${V1}/calendars`]: {
      get: operation('api.calendars.index', {
        summary: 'Every calendar with its loaded years',
        responses: {
          200: json('The calendars.', dataOf(arrayOf(ref('CalendarOverview')))),
          ...errorResponses(403),
        },
      }),
    },
    [`${V1}/calendars/{id}/notice`]: {
      post: operation('api.calendars.notice', {
        summary: 'Preview (`dryRun`) or load a year from the State Council holiday notice',
        description:
          'Loading replaces that year’s days in the calendar. Text that cannot be read ' +
          'answers 422 on `text`, naming the line; nothing is written.',
        parameters: [pathId('calendar')],
        body: bodyFrom(importNoticeValidator, {
          text: { description: '《国务院办公厅关于XXXX年部分节假日安排的通知》 as pasted.' },
          year: { description: 'Needed only when the title is missing; else it must match.' },
          dryRun: { description: 'Parse and return the days; save nothing.' },
        }),
        responses: {
          200: json('The days read from the notice.', dataOf(ref('NoticeImport'))),
          ...errorResponses(403, 404, 422),
        },
      }),
    },
  },
}
