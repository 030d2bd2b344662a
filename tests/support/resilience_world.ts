import type { Assert } from '@japa/assert'
import db from '@adonisjs/lucid/services/db'
import app from '@adonisjs/core/services/app'
import { DateTime } from 'luxon'
import Department from '#models/department'
import TicketAssignment from '#models/ticket_assignment'
import User from '#models/user'
import deadlineConfig from '#config/deadlines'
import queues from '#services/queues'
import { seedOrganisation } from '#database/seeding/organisation'
import { loadRecipients, type Recipient } from '#timers/recipients'
import { scheduleAssignments } from '#timers/schedule_timers'
import { timerJobId, type TimerPhase } from '#timers/timer_points'
import { seedReferenceData } from '#tests/support/reference_data'
import type { CapturedMail } from '#tests/support/smtp_capture'

/**
 * Due sign deadlines for the worker resilience tests, committed (the worker
 * is another process): tickets dispatched to departments of the demo city's
 * 呈贡区, each department with its own staff account, so the ladder reaches
 * several people: staff (warning), staff and the district leader (breach),
 * supervisors (escalation), and the department's contact addresses (the
 * automatic 催办).
 */

/** Departments under 呈贡区 (530114): the demo leader's reach covers them all. */
const DEPARTMENT_CODES = ['530114-ZJ', '530114-SJ', '530114-CG', '530114001']

const EVENT: Record<TimerPhase, string> = {
  warn: 'deadline_warned',
  due: 'deadline_breached',
  escalate: 'deadline_escalated',
}

const MARKER: Record<TimerPhase, string> = {
  warn: 'sign_warned_at',
  due: 'sign_breached_at',
  escalate: 'sign_escalated_at',
}

export interface SignDeadline {
  warnAt: DateTime | null
  dueAt: DateTime
}

/** One ticket with one unsigned lead assignment. */
export interface TimedTicket {
  ticketId: number
  assignmentId: number
  departmentId: number
  code: string
  warnAt: DateTime | null
  dueAt: DateTime
}

export interface OutboxRow {
  id: number
  dedupe_key: string
  status: string
  payload: { to: string[]; code: string; ticketId: number; kind: string }
}

let batchCounter = 0

export class ResilienceWorld {
  departments: Department[] = []

  /** Reference data, the demo organisation and one staff account per department (idempotent). */
  async prepare(): Promise<this> {
    await seedReferenceData()
    await seedOrganisation()
    this.departments = []
    for (const code of DEPARTMENT_CODES) {
      const department = await Department.findByOrFail('code', code)
      this.departments.push(department)
      const email = `timers-${code.toLowerCase()}@resilience.jiesu.test`
      if (!(await User.findBy('email', email))) {
        await User.create({
          fullName: `${department.name} 值班员`,
          email,
          password: 'Jiesu@12345',
          role: 'department_staff',
          departmentId: department.id,
          isActive: true,
        })
      }
    }
    return this
  }

  /**
   * Inserts dispatched tickets with an unsigned lead assignment each, the
   * departments taken in turn, committed (one statement per table).
   */
  async dispatched(count: number, deadline: (index: number) => SignDeadline) {
    // Every code has the same length, so no code is part of another (mail checks count them).
    const tag = `RZ${Date.now().toString(36)}${(batchCounter++ % 36).toString(36)}`
    const now = DateTime.now()
    const tickets = await db
      .table('tickets')
      .multiInsert(
        Array.from({ length: count }, (_, i) => ({
          code: `${tag}${String(i).padStart(4, '0')}`,
          channel: 'hotline',
          kind: 'help',
          urgency: 'normal',
          title: `时限测试工单 ${i + 1}`,
          content: '路灯不亮，夜间行人通行不便，请尽快维修。',
          status: 'dispatched',
          round: 1,
          version: 2,
          created_at: now.toJSDate(),
          updated_at: now.toJSDate(),
        }))
      )
      .returning(['id', 'code'])
    const specs = tickets.map((ticket: { id: number; code: string }, i: number) => ({
      ticketId: ticket.id,
      code: ticket.code,
      departmentId: this.departments[i % this.departments.length].id,
      ...deadline(i),
    }))
    const assignments = await db
      .table('ticket_assignments')
      .multiInsert(
        specs.map((spec) => ({
          ticket_id: spec.ticketId,
          round: 1,
          department_id: spec.departmentId,
          role: 'lead',
          active: true,
          dispatched_at: now.toJSDate(),
          sign_warn_at: spec.warnAt?.toJSDate() ?? null,
          sign_due_at: spec.dueAt.toJSDate(),
          created_at: now.toJSDate(),
          updated_at: now.toJSDate(),
        }))
      )
      .returning(['id', 'ticket_id'])
    const byTicket = new Map<number, number>(
      assignments.map((row: { id: number; ticket_id: number }) => [row.ticket_id, row.id])
    )
    return specs.map((spec): TimedTicket => ({
      ...spec,
      assignmentId: byTicket.get(spec.ticketId)!,
    }))
  }

  /** Adds their delayed jobs, as the transition that set the deadlines does after commit. */
  async schedule(tickets: TimedTicket[]): Promise<number> {
    const assignments = await TicketAssignment.query().whereIn(
      'id',
      tickets.map((t) => t.assignmentId)
    )
    return scheduleAssignments(assignments)
  }

  /** The deterministic job id of a ticket's point (the one the transition and the sweep use). */
  jobId(ticket: TimedTicket, phase: TimerPhase): string {
    return timerJobId({
      assignmentId: ticket.assignmentId,
      step: 'sign',
      phase,
      dueAt: ticket.dueAt,
    })
  }

  /** How many points (warn, due, escalate markers) of these assignments are set. */
  async handledPoints(tickets: TimedTicket[]): Promise<number> {
    const row = await db
      .from('ticket_assignments')
      .whereIn(
        'id',
        tickets.map((t) => t.assignmentId)
      )
      .select(
        db.raw(
          '(count(sign_warned_at) + count(sign_breached_at) + count(sign_escalated_at))::int AS n'
        )
      )
      .firstOrFail()
    return row.n
  }

  pointAt(ticket: TimedTicket, phase: TimerPhase): DateTime | null {
    if (phase === 'warn') return ticket.warnAt
    if (phase === 'due') return ticket.dueAt
    return ticket.dueAt.plus({ minutes: deadlineConfig.escalate.afterMinutes })
  }

  async outboxRows(tickets: TimedTicket[]): Promise<OutboxRow[]> {
    return db
      .from('outbox_messages')
      .where('topic', 'mail')
      .whereRaw(`(payload->>'ticketId')::bigint = ANY(?)`, [tickets.map((t) => t.ticketId)])
      .orderBy('id')
  }

  /** The people a phase of the ladder reaches for a department, by the app's own rule. */
  async recipients(departmentId: number, phase: TimerPhase): Promise<Recipient[]> {
    const book = await loadRecipients(db.connection(), [departmentId])
    return book.for(deadlineConfig[phase].notify, departmentId)
  }

  /**
   * How many mail rows `phases` of these tickets make: one per point and
   * person, plus one per contact address of the department for an automatic
   * 催办.
   */
  async expectedRows(tickets: TimedTicket[], phases: TimerPhase[]): Promise<number> {
    let total = 0
    for (const ticket of tickets) {
      for (const phase of phases) {
        if (this.pointAt(ticket, phase))
          total += (await this.recipients(ticket.departmentId, phase)).length
      }
      if (phases.includes('escalate') && deadlineConfig.escalate.autoUrge) {
        total += this.departments.find((d) => d.id === ticket.departmentId)!.contactEmails.length
      }
    }
    return total
  }

  /**
   * Waits for every mail row of these tickets to be sent. Mail batches wait
   * for the end of their window (config/mail_batching.ts, minutes); once all
   * rows are relayed (none pending) the test promotes the delayed batch jobs
   * instead of sleeping. No row joins a batch after that, so promoting
   * changes when a mail goes, not what it holds.
   */
  async deliverMail(tickets: TimedTicket[], expectedRows: number, timeoutMs: number) {
    const began = Date.now()
    for (;;) {
      const rows = await this.outboxRows(tickets)
      if (rows.length >= expectedRows && rows.every((row) => row.status === 'sent')) return rows
      if (rows.length >= expectedRows && rows.every((row) => row.status !== 'pending')) {
        await queues.get('outbox').promoteJobs()
      }
      if (Date.now() - began > timeoutMs) {
        const statuses = rows.reduce<Record<string, number>>((acc, row) => {
          acc[row.status] = (acc[row.status] ?? 0) + 1
          return acc
        }, {})
        throw new Error(
          `mail not delivered after ${timeoutMs} ms: ${rows.length}/${expectedRows} rows, ${JSON.stringify(statuses)}`
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  /**
   * Waits until the worker's start-up sweep (a `sweep-start-…` job) has
   * finished, so it cannot race a test's own steps.
   */
  async startupSweepDone(timeoutMs = 20_000): Promise<void> {
    const maintenance = queues.get('maintenance')
    const began = Date.now()
    for (;;) {
      const done = await maintenance.getJobs(['completed', 'failed'], 0, -1)
      const open = await maintenance.getJobs(['active', 'waiting'], 0, -1)
      if (
        done.some((job) => job.id?.startsWith('sweep-start-')) &&
        !open.some((job) => job.id?.startsWith('sweep-start-'))
      )
        return
      if (Date.now() - began > timeoutMs) throw new Error('the start-up sweep did not finish')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Empties the worker's Redis database (FLUSHDB: only ours, the server is shared). */
  async flushRedis(): Promise<void> {
    const redis = await app.container.make('redis')
    await redis.connection().flushdb()
  }

  /** Ends the tickets' open work, so later tests' sweeps have nothing of theirs to do. */
  async retire(tickets: TimedTicket[]): Promise<void> {
    if (tickets.length === 0) return
    await db
      .from('ticket_assignments')
      .whereIn(
        'id',
        tickets.map((t) => t.assignmentId)
      )
      .update({ active: false })
  }

  /**
   * Every point of `phases` handled exactly once: its marker set, one event,
   * one in-app notification and one mail row per recipient (dedupe keys),
   * and for an escalation exactly one automatic 催办 with one mail row per
   * contact address.
   */
  async assertHandledOnce(assert: Assert, tickets: TimedTicket[], phases: TimerPhase[]) {
    const ids = tickets.map((t) => t.ticketId)
    const assignments = await db.from('ticket_assignments').whereIn(
      'id',
      tickets.map((t) => t.assignmentId)
    )
    const byId = new Map(assignments.map((row) => [row.id, row]))
    const events = await db
      .from('ticket_events')
      .whereIn('ticket_id', ids)
      .whereIn('action', [...Object.values(EVENT), 'urge'])
      .select('ticket_id', 'action')
      .count('* as n')
      .groupBy('ticket_id', 'action')
    const eventCount = new Map(
      events.map((row) => [`${row.ticket_id}:${row.action}`, Number(row.n)])
    )
    const notifications = await db
      .from('notifications')
      .whereIn('ticket_id', ids)
      .select('user_id', 'dedupe_key')
    const notified = new Set(notifications.map((row) => `${row.dedupe_key}:${row.user_id}`))
    const outbox = await this.outboxRows(tickets)
    const outboxKeys = outbox.map((row) => row.dedupe_key)
    const urges = await db
      .from('supervision_orders')
      .whereIn('ticket_id', ids)
      .where('kind', 'urge')
      .whereNull('issued_by')
      .select('ticket_id')
      .count('* as n')
      .groupBy('ticket_id')
    const urgeCount = new Map(urges.map((row) => [row.ticket_id, Number(row.n)]))

    const recipients = new Map<string, Recipient[]>()
    const expectedKeys: string[] = []
    const problems: string[] = []
    for (const ticket of tickets) {
      const row = byId.get(ticket.assignmentId)!
      for (const phase of phases) {
        if (!row[MARKER[phase]]) problems.push(`${ticket.code} ${phase}: no marker`)
        const times = eventCount.get(`${ticket.ticketId}:${EVENT[phase]}`) ?? 0
        if (times !== 1) problems.push(`${ticket.code} ${phase}: ${times} events`)
        const cacheKey = `${ticket.departmentId}:${phase}`
        if (!recipients.has(cacheKey))
          recipients.set(cacheKey, await this.recipients(ticket.departmentId, phase))
        const key = this.jobId(ticket, phase)
        for (const user of recipients.get(cacheKey)!) {
          expectedKeys.push(`${key}:${user.id}`)
          if (!notified.has(`${key}:${user.id}`))
            problems.push(`${ticket.code} ${phase}: no notification for ${user.email}`)
        }
      }
      if (phases.includes('escalate')) {
        const orders = urgeCount.get(ticket.ticketId) ?? 0
        const urgeEvents = eventCount.get(`${ticket.ticketId}:urge`) ?? 0
        if (orders !== 1 || urgeEvents !== 1)
          problems.push(`${ticket.code}: ${orders} automatic urges, ${urgeEvents} urge events`)
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`)
    assert.equal(new Set(outboxKeys).size, outboxKeys.length, 'duplicate outbox dedupe keys')
    // Alerts: one row per point and person, nothing else.
    assert.sameMembers(
      outboxKeys.filter((key) => key.startsWith('deadline-')),
      expectedKeys,
      'alert rows are one per point and recipient'
    )
    assert.equal(notifications.length, expectedKeys.length, 'one notification per point and person')
    // The automatic 催办 mails the department's contact addresses, once each.
    if (phases.includes('escalate') && deadlineConfig.escalate.autoUrge) {
      const expectedUrges: string[] = []
      for (const ticket of tickets) {
        const department = this.departments.find((d) => d.id === ticket.departmentId)!
        for (const address of department.contactEmails)
          expectedUrges.push(`${ticket.code}>${address}`)
      }
      assert.sameMembers(
        outbox
          .filter((row) => row.dedupe_key.startsWith('urge:'))
          .map((row) => `${row.payload.code}>${row.payload.to.join(',')}`),
        expectedUrges,
        'one urge mail row per escalated ticket and contact address'
      )
    }
  }

  /**
   * Every mail row went out in exactly one mail, to its recipient: each mail
   * (read back from the SMTP server) lists its alerts by ticket code and
   * counts those beyond its list, so a recipient's mails name each ticket at
   * most as often as the recipient has rows for it, and listed plus counted
   * alerts equal the recipient's rows. Mails per recipient match the batch jobs that sent something
   * (one job per recipient and window), and no Message-ID comes twice.
   */
  async assertMailedOnce(assert: Assert, mails: CapturedMail[], rows: OutboxRow[]) {
    const expected = new Map<string, number>()
    for (const row of rows) {
      assert.lengthOf(row.payload.to, 1, `outbox ${row.id} is one delivery`)
      const key = `${row.payload.to[0]} ${row.payload.code}`
      expected.set(key, (expected.get(key) ?? 0) + 1)
    }
    const codes = [...new Set(rows.map((row) => row.payload.code))]
    const received = new Map<string, number>()
    for (const mail of mails) {
      for (const code of codes) {
        const times = mail.html.split(code).length - 1
        if (times === 0) continue
        for (const to of mail.to) {
          const key = `${to} ${code}`
          received.set(key, (received.get(key) ?? 0) + times)
        }
      }
    }
    // A mail lists at most mailConfig.maxAlertsPerMail alerts and counts the
    // rest ("另有 N 条提醒未列出"): listed lines never exceed the rows, and
    // listed + counted add up to the recipient's rows exactly.
    const problems: string[] = []
    for (const key of new Set([...expected.keys(), ...received.keys()])) {
      if ((received.get(key) ?? 0) > (expected.get(key) ?? 0))
        problems.push(`${key}: ${expected.get(key) ?? 0} rows, ${received.get(key) ?? 0} in mails`)
    }
    assert.deepEqual(
      problems.slice(0, 20),
      [],
      `${problems.length} (recipient, ticket) listed too often`
    )
    const perRecipient = (counts: Map<string, number>) => {
      const sums = new Map<string, number>()
      for (const [key, n] of counts) {
        const to = key.split(' ')[0]
        sums.set(to, (sums.get(to) ?? 0) + n)
      }
      return sums
    }
    const listed = perRecipient(received)
    const counted = new Map<string, number>()
    for (const mail of mails) {
      const more = Number(/另有 <strong>(\d+)<\/strong> 条提醒未列出/.exec(mail.html)?.[1] ?? 0)
      for (const to of mail.to) counted.set(to, (counted.get(to) ?? 0) + more)
    }
    for (const [to, rowsFor] of perRecipient(expected)) {
      assert.equal(
        (listed.get(to) ?? 0) + (counted.get(to) ?? 0),
        rowsFor,
        `${to}: alerts listed + counted in mails vs. rows`
      )
    }

    const messageIds = mails.map((mail) => mail.messageId)
    assert.equal(new Set(messageIds).size, messageIds.length, 'a mail was sent twice')
    const batches = await this.sentBatchesPerRecipient()
    for (const recipient of new Set(rows.map((row) => row.payload.to[0]))) {
      const got = mails.filter((mail) => mail.to.includes(recipient)).length
      assert.equal(got, batches.get(recipient) ?? 0, `mails to ${recipient} vs. batches that sent`)
    }
  }

  /** Completed mail batch jobs that sent something, per recipient (one job per recipient and window). */
  async sentBatchesPerRecipient(): Promise<Map<string, number>> {
    const jobs = await queues.get('outbox').getJobs(['completed'], 0, -1)
    const counts = new Map<string, number>()
    for (const job of jobs) {
      if (Number(job.returnvalue) > 0)
        counts.set(job.data.recipient, (counts.get(job.data.recipient) ?? 0) + 1)
    }
    return counts
  }
}
