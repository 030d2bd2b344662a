import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import TicketBuilder from '#builders/ticket_builder'
import clock from '#services/clock_service'
import { parseShanghaiInstant } from '#validators/rules/shanghai_instant'
import { searchQuery } from '#services/segmenter'
import {
  CLOSED_STATUSES,
  OPEN_STATUSES,
  PAUSED_STATUSES,
  type Status,
} from '#domain/lifecycle/index'
import type { Channel, Kind, Urgency } from '#domain/ticket_attributes'

export interface TicketFilters {
  status?: Status[]
  group?: 'open' | 'paused' | 'closed'
  channel?: Channel
  kind?: Kind
  urgency?: Urgency
  categoryId?: number
  departmentId?: number
  dueWithinHours?: number
  overdue?: boolean
  from?: string
  to?: string
  q?: string
  sort?: 'newest' | 'due'
  page?: number
  perPage?: number
}

const GROUPS = { open: OPEN_STATUSES, paused: PAUSED_STATUSES, closed: CLOSED_STATUSES }

/**
 * Ticket lists: always within the viewer's reach, then filtered. "Due
 * soonest" and "overdue" read `next_due_at` through a partial index; text
 * search goes through the jieba tsvector (two-character words included).
 */
export default class ListTickets {
  async handle(viewer: User, filters: TicketFilters) {
    const query = TicketBuilder.visibleTo(viewer)
    if (filters.status?.length) query.whereIn('status', filters.status)
    if (filters.group) query.whereIn('status', [...GROUPS[filters.group]])
    if (filters.channel) query.where('channel', filters.channel)
    if (filters.kind) query.where('kind', filters.kind)
    if (filters.urgency) query.where('urgency', filters.urgency)
    if (filters.categoryId) query.where('category_id', filters.categoryId)
    if (filters.departmentId) {
      query.whereExists(
        db
          .from('ticket_assignments as fa')
          .select(db.raw('1'))
          .whereColumn('fa.ticket_id', 'tickets.id')
          .where('fa.department_id', filters.departmentId)
      )
    }
    const now = clock.now()
    if (filters.overdue || filters.dueWithinHours) {
      query
        .whereNotIn('status', [...CLOSED_STATUSES, ...PAUSED_STATUSES])
        .whereNotNull('next_due_at')
      if (filters.overdue) query.where('next_due_at', '<', now.toJSDate())
      if (filters.dueWithinHours) {
        query.where('next_due_at', '<=', now.plus({ hours: filters.dueWithinHours }).toJSDate())
      }
    }
    if (filters.from) query.where('created_at', '>=', parseShanghaiInstant(filters.from).toJSDate())
    if (filters.to) query.where('created_at', '<', parseShanghaiInstant(filters.to).toJSDate())
    if (filters.q) {
      const tsquery = searchQuery(filters.q)
      if (tsquery) query.whereRaw(`search_vector @@ to_tsquery('simple', ?)`, [tsquery])
      else query.whereRaw('false')
    }
    const byDue = filters.sort === 'due' || filters.overdue || filters.dueWithinHours
    if (byDue) query.orderBy('next_due_at', 'asc').orderBy('id', 'asc')
    else query.orderBy('created_at', 'desc').orderBy('id', 'desc')
    return query.paginate(filters.page ?? 1, filters.perPage ?? 20)
  }
}
