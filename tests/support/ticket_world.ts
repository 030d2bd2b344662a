import type { ApiClient } from '@japa/api-client'
import type { Group } from '@japa/runner/core'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import IntakeTicket from '#actions/tickets/intake_ticket'
import TransitionTicket from '#actions/tickets/transition_ticket'
import { ticketActor } from '#actions/tickets/ticket_actor'
import type { TransitionInput } from '#actions/tickets/transition_context'
import { hotlineAdapter, type HotlineIntake } from '#domain/intake/adapters/hotline'
import type { Action } from '#domain/lifecycle/index'
import type { ChannelAdapter } from '#domain/intake/ticket_draft'
import type Ticket from '#models/ticket'
import { call, routeUrl, type Locale } from '#tests/support/api'
import clock from '#services/clock_service'
import {
  buildOrg,
  type DepartmentKey,
  type OrgFixture,
  type UserKey,
} from '#tests/support/org_fixtures'
import { seedReferenceData } from '#tests/support/reference_data'

/**
 * Monday 23 November 2026, 10:00 in Shanghai: a working morning with no
 * holiday near it (see journeys.spec.ts for the calendar these tests assume).
 */
export const MONDAY_10 = '2026-11-23T10:00:00'

/** Every fixture account, center roles first. */
export const ALL_USERS: UserKey[] = [
  'admin',
  'operator',
  'supervisor',
  'auditor',
  'department_staff',
  'department_leader',
  'outsider',
]

/** One bearer token per fixture account. */
export async function mintTokens(org: OrgFixture): Promise<Record<UserKey, string>> {
  const tokens = {} as Record<UserKey, string>
  for (const key of ALL_USERS) tokens[key] = await org.tokenFor(key)
  return tokens
}

/**
 * An operator at work on Monday 10:00: reference data once; for each test a
 * rolled-back transaction, the frozen clock, a fresh org and the operator's
 * token (read them as `state.org`, `state.token`).
 */
export function operatorOnMonday(group: Group) {
  const state = {} as { org: OrgFixture; token: string }
  group.setup(() => seedReferenceData())
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    clock.freeze(MONDAY_10)
    state.org = await buildOrg()
    state.token = (await mintTokens(state.org)).operator
    return () => clock.unfreeze()
  })
  return state
}

type Query = Record<string, string | number | boolean | (string | number)[]>

/**
 * The ticket endpoints, addressed by route name, so a moved URL follows.
 *
 * @example await endpoints(client).list(token, { q: '路灯', perPage: 5 })
 */
export function endpoints(client: ApiClient) {
  const build = urlFor as (route: string, params?: Record<string, string | number>) => string
  return {
    intake(
      token: string,
      channel: 'hotline' | 'window' | 'online',
      body: Record<string, unknown>,
      locale?: Locale
    ) {
      return call(client, 'POST', routeUrl(`api.tickets.intake.${channel}`), {
        token,
        body,
        locale,
      })
    },
    list(token: string, query: Query = {}, locale?: Locale) {
      return call(client, 'GET', routeUrl('api.tickets.index'), { token, locale }).qs(query)
    },
    show(token: string, id: number, locale?: Locale) {
      return call(client, 'GET', routeUrl('api.tickets.show', id), { token, locale })
    },
    act(
      token: string,
      id: number,
      action: string,
      body: Record<string, unknown> = {},
      locale?: Locale
    ) {
      return call(client, 'POST', build('api.tickets.act', { id, action }), {
        token,
        body,
        locale,
      })
    },
    revealPhone(token: string, id: number, body: Record<string, unknown> = {}, locale?: Locale) {
      return call(client, 'POST', routeUrl('api.tickets.reveal_phone', id), {
        token,
        body,
        locale,
      })
    },
    lookup(token: string, phone: string | undefined, locale?: Locale) {
      return call(client, 'POST', routeUrl('api.requesters.lookup'), {
        token,
        body: phone === undefined ? {} : { phone },
        locale,
      })
    },
  }
}

/**
 * Arranges tickets through the app's own use cases (no HTTP), as the fixture
 * accounts: what a test then asks of the API meets data the app wrote itself.
 */
export class TicketDesk {
  constructor(private org: OrgFixture) {}

  /** A call logged by `by` (kind help and a plain content unless given). */
  register(by: UserKey = 'operator', payload: Partial<HotlineIntake> = {}): Promise<Ticket> {
    return this.intake(
      hotlineAdapter,
      { kind: 'help', content: '小区门口下水道堵塞，污水外溢。', ...payload },
      by
    )
  }

  /** Any channel, through its adapter, e.g. `desk.intake(onlineAdapter, { ... })`. */
  async intake<P>(
    adapter: ChannelAdapter<P>,
    payload: P,
    by: UserKey = 'operator'
  ): Promise<Ticket> {
    const { ticket } = await new IntakeTicket().handle(
      adapter,
      payload,
      ticketActor(this.org.users[by])
    )
    return ticket
  }

  async act(by: UserKey, ticketId: number, action: Action, input: TransitionInput = {}) {
    return new TransitionTicket().handle(ticketId, action, ticketActor(this.org.users[by]), input)
  }

  async dispatch(ticketId: number, lead: DepartmentKey, assists: DepartmentKey[] = []) {
    return this.act('operator', ticketId, 'dispatch', {
      leadDepartmentId: this.org.departments[lead].id,
      assistDepartmentIds: assists.map((key) => this.org.departments[key].id),
    })
  }

  /** Registers and dispatches in one go; answers the ticket id. */
  async dispatched(
    lead: DepartmentKey,
    assists: DepartmentKey[] = [],
    payload: Partial<HotlineIntake> = {}
  ): Promise<number> {
    const ticket = await this.register('operator', payload)
    await this.dispatch(ticket.id, lead, assists)
    return ticket.id
  }

  /** A direct answer and a satisfied callback: the shortest way to `closed`. */
  async closed(payload: Partial<HotlineIntake> = {}): Promise<number> {
    const ticket = await this.register('operator', payload)
    await this.act('operator', ticket.id, 'direct_answer', { content: '已当场解答。' })
    await this.act('operator', ticket.id, 'callback_record', { result: 'satisfied' })
    return ticket.id
  }
}

/** The ticket's event log rows, oldest first. */
export function eventRows(ticketId: number) {
  return db.from('ticket_events').where('ticket_id', ticketId).orderBy('id')
}

/** The ticket's row as stored (snake_case columns). */
export function ticketRow(ticketId: number) {
  return db.from('tickets').where('id', ticketId).firstOrFail()
}

/** The ticket's assignments as [round, role, department id, active, signed?] tuples. */
export async function assignmentTuples(ticketId: number) {
  const rows = await db.from('ticket_assignments').where('ticket_id', ticketId).orderBy('id')
  return rows.map((row) => [row.round, row.role, row.department_id, row.active, !!row.signed_at])
}

/** Ids of a list response's rows, sorted, for set comparisons. */
export function idsOf(body: { data: { id: number }[] }): number[] {
  return body.data.map((row) => row.id).sort((a, b) => a - b)
}
