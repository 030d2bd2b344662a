import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import CalendarImportNotice from '../../../commands/calendar_import_notice.js'
import {
  BAD_NOTICE,
  NOTICE_2025,
  buildCalendars,
  noticePath,
  scheduleOf,
} from '#tests/support/calendar_fixtures'

/** Runs the command in-process with its output captured. */
async function runCommand(argv: string[]) {
  const command = await ace.create(CalendarImportNotice, argv)
  command.ui.switchMode('raw')
  await command.exec()
  const logs = command.ui.logger.getLogs()
  return {
    command,
    stdout: logs.filter((log) => log.stream === 'stdout').map((log) => log.message),
    stderr: logs.filter((log) => log.stream === 'stderr').map((log) => log.message),
  }
}

test.group('calendar:import-notice', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  let dir: string
  group.each.setup(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jiesu-notice-'))
    return () => rm(dir, { recursive: true, force: true })
  })

  test('--dry-run --json prints exactly the parsed days and writes nothing', async ({ assert }) => {
    const { standard } = await buildCalendars()
    const before = await scheduleOf(standard)

    const { command, stdout, stderr } = await runCommand([noticePath(2025), '--dry-run', '--json'])

    command.assertSucceeded()
    assert.deepEqual(stderr, [])
    assert.lengthOf(stdout, 1)
    assert.deepEqual(JSON.parse(stdout[0]), NOTICE_2025)
    assert.deepEqual(await scheduleOf(standard), before)
    assert.deepEqual(before, { days: [], years: [], version: 1 })
  })

  test('without --dry-run it loads the year into the calendar given by --calendar', async ({
    assert,
  }) => {
    const { standard, alwaysOn } = await buildCalendars()

    const { command, stdout } = await runCommand([noticePath(2025), `--calendar=${alwaysOn.id}`])

    command.assertSucceeded()
    const saved = await scheduleOf(alwaysOn)
    assert.deepEqual(
      saved.days,
      [
        ...NOTICE_2025.holidays.map((day) => ({ ...day, kind: 'holiday', source: 'notice' })),
        ...NOTICE_2025.workdays.map((day) => ({ ...day, kind: 'workday', source: 'notice' })),
      ].sort((a, b) => a.date.localeCompare(b.date))
    )
    assert.deepEqual(saved.years, [{ year: 2025, source: 'notice' }])
    assert.equal(saved.version, 2)
    assert.match(stdout.at(-1)!, /2025: 28 days off, 5 adjusted working days; saved/)
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })

  test('the default calendar is used without --calendar; --json reports the change', async ({
    assert,
  }) => {
    const { standard } = await buildCalendars()

    const { command, stdout } = await runCommand([noticePath(2025), '--json'])

    command.assertSucceeded()
    const output = JSON.parse(stdout[0])
    assert.isTrue(output.saved)
    assert.include(output.change, {
      calendarId: standard.id,
      year: 2025,
      holidays: 28,
      workdays: 5,
    })
    assert.lengthOf(output.change.changedDates, 33)
    const saved = await scheduleOf(standard)
    assert.lengthOf(saved.days, 33)
    assert.deepEqual(saved.years, [{ year: 2025, source: 'notice' }])
  })

  test('malformed text fails naming the line, and nothing is saved', async ({ assert }) => {
    const { standard } = await buildCalendars()
    const file = join(dir, 'bad.txt')
    await writeFile(file, BAD_NOTICE.text)

    const { command, stdout, stderr } = await runCommand([file])

    command.assertFailed()
    assert.deepEqual(stdout, [])
    assert.lengthOf(stderr, 1)
    assert.include(stderr[0], BAD_NOTICE.messages['zh-CN'])
    assert.deepEqual(await scheduleOf(standard), { days: [], years: [], version: 1 })
  })

  test('a missing file fails with a message', async ({ assert }) => {
    await buildCalendars()

    const { command, stderr } = await runCommand([join(dir, 'missing.txt'), '--dry-run'])

    command.assertFailed()
    assert.match(stderr[0], /Cannot read .*missing\.txt/)
  })
})
