import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import { ALWAYS_ON_WINDOWS, DEFAULT_WEEKLY_WINDOWS } from '#clock/index'
import Calendar from '#models/calendar'
import db from '@adonisjs/lucid/services/db'

/** Path of a State Council notice fixture, e.g. `noticePath(2025)`. */
export function noticePath(year: number): string {
  return app.makePath('tests', 'fixtures', 'notices', `${year}.txt`)
}

export function noticeText(year: number): Promise<string> {
  return readFile(noticePath(year), 'utf8')
}

/**
 * A default office-hours calendar and a 7x24 one, with no years loaded,
 * inside the current (global) transaction. Any default calendar already in
 * the database steps aside for the test.
 */
export async function buildCalendars(): Promise<{ standard: Calendar; alwaysOn: Calendar }> {
  await Calendar.query().where('is_default', true).update({ is_default: false })
  const standard = await Calendar.create({
    name: 'FX 标准工作日历',
    zone: 'Asia/Shanghai',
    weeklyWindows: [...DEFAULT_WEEKLY_WINDOWS],
    observesHolidays: true,
    isDefault: true,
  })
  const alwaysOn = await Calendar.create({
    name: 'FX 7x24 应急值守',
    zone: 'Asia/Shanghai',
    weeklyWindows: [...ALWAYS_ON_WINDOWS],
    observesHolidays: false,
    isDefault: false,
  })
  return { standard, alwaysOn }
}

/** Rows of a calendar's schedule, to prove what was (not) written. */
export async function scheduleOf(calendar: Calendar) {
  const days = await db
    .from('calendar_days')
    .where('calendar_id', calendar.id)
    .orderBy('date')
    .select('date', 'kind', 'name', 'source')
  const years = await db
    .from('calendar_years')
    .where('calendar_id', calendar.id)
    .orderBy('year')
    .select('year', 'source')
  await calendar.refresh()
  return { days, years, version: calendar.version }
}

/** Inclusive ISO dates, e.g. `range('2025-01-28', '2025-02-04')`. */
export function range(from: string, to: string): string[] {
  const dates: string[] = []
  for (
    let ms = Date.parse(`${from}T00:00:00Z`);
    ms <= Date.parse(`${to}T00:00:00Z`);
    ms += 86_400_000
  ) {
    dates.push(new Date(ms).toISOString().slice(0, 10))
  }
  return dates
}

const named = (name: string, dates: string[]) => dates.map((date) => ({ date, name }))

/** The 2025 notice (tests/fixtures/notices/2025.txt), written out by hand. */
export const NOTICE_2025 = {
  year: 2025,
  holidays: [
    ...named('元旦', ['2025-01-01']),
    ...named('春节', range('2025-01-28', '2025-02-04')),
    ...named('清明节', range('2025-04-04', '2025-04-06')),
    ...named('劳动节', range('2025-05-01', '2025-05-05')),
    ...named('端午节', range('2025-05-31', '2025-06-02')),
    ...named('国庆节、中秋节', range('2025-10-01', '2025-10-08')),
  ],
  workdays: [
    ...named('春节', ['2025-01-26', '2025-02-08']),
    ...named('劳动节', ['2025-04-27']),
    ...named('国庆节、中秋节', ['2025-09-28', '2025-10-11']),
  ],
}

/**
 * A notice whose line 3 states 4 days for a 3-day range, and the messages
 * that must name it.
 */
export const BAD_NOTICE = {
  text: [
    '国务院办公厅关于2025年部分节假日安排的通知',
    '一、元旦：1月1日（周三）放假1天，不调休。',
    '三、清明节：4月4日（周五）至6日（周日）放假，共4天。',
  ].join('\n'),
  messages: {
    'zh-CN':
      '通知第 3 行“三、清明节：4月4日（周五）至6日（周日）放假，共4天。”无法识别：写明共 4 天，但日期合计 3 天',
    'en': 'Line 3 of the notice, “三、清明节：4月4日（周五）至6日（周日）放假，共4天。”, could not be read: states 4 days but the dates give 3',
  },
}
