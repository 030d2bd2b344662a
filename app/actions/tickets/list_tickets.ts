import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type Ticket from '#models/ticket'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
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
const COUNT_CAP = 1000

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
      // Exactly the open statuses: the partial index tickets_open_due_idx names them.
      query.whereIn('status', [...OPEN_STATUSES]).whereNotNull('next_due_at')
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
    return this.page(query, filters.page ?? 1, filters.perPage ?? 20)
  }

  /**
   * One page plus a total counted up to COUNT_CAP. An exact count of a big
   * department's tickets costs far more than the page itself (bench:lists),
   * and nobody pages through more than a thousand tickets: past the cap the
   * total reads "1000+" (`totalCapped`).
   */
  private async page(
    query: ModelQueryBuilderContract<typeof Ticket>,
    page: number,
    perPage: number
  ) {
    const capped = query
      .clone()
      .clearOrder()
      .clearSelect()
      .select('tickets.id')
      .limit(COUNT_CAP + 1)
    const [rows, counted] = await Promise.all([
      query
        .clone()
        .limit(perPage)
        .offset((page - 1) * perPage),
      db.from(capped.as('capped')).count('* as total').first(),
    ])
    const total = Math.min(Number(counted?.total ?? 0), COUNT_CAP)
    const lastPage = Math.max(1, Math.ceil(total / perPage))
    return {
      rows,
      meta: {
        total,
        totalCapped: Number(counted?.total ?? 0) > COUNT_CAP,
        perPage,
        currentPage: page,
        lastPage,
        firstPage: 1,
      },
    }
  }
}
