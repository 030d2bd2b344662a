import { errors } from '@adonisjs/lucid'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { WorkingCalendar } from '#clock/index'
import Department from '#models/department'
import calendars from '#services/calendar_service'
import { directQuery } from '#services/direct_sql'
import { columnList } from '#services/model_write'
import { DomainError } from '#exceptions/domain_error'

/**
 * Departments and their working calendars, read once per transition and
 * through its client: inside a transaction, its own connection (a second
 * pool connection per transaction starves the pool under load). A dispatch
 * asks for the same department's calendar for its sign and return deadlines
 * and again for its mail: one read each.
 */
export class TransactionLookups {
  #departments = new Map<number, Department>()
  #calendars = new Map<number | null, WorkingCalendar>()

  constructor(private client?: QueryClientContract) {}

  async department(id: number): Promise<Department> {
    const [department] = await this.departments([id])
    if (!department) throw new errors.E_ROW_NOT_FOUND(Department)
    return department
  }

  /** A department a ticket is routed to: 422 on `field` when it has been deactivated. */
  async activeDepartment(id: number, field: string): Promise<Department> {
    const department = await this.department(id)
    if (!department.isActive) throw new DomainError('E_DEPARTMENT_INACTIVE', 422, { field })
    return department
  }

  /** The departments with these ids that exist, in one query for those not read yet. */
  async departments(ids: readonly number[]): Promise<Department[]> {
    const missing = [...new Set(ids)].filter((id) => !this.#departments.has(id))
    if (missing.length > 0) {
      // With the id and version of the calendar each counts in, so a built
      // calendar this process holds serves without reading its row again.
      const rows = await directQuery(
        this.client,
        `SELECT ${columnList(Department)}, calendar.id AS calendar_ref, calendar.version AS calendar_version
         FROM departments
         LEFT JOIN LATERAL (SELECT id, version FROM calendars
           WHERE id = departments.calendar_id OR (departments.calendar_id IS NULL AND is_default)
           ORDER BY id = departments.calendar_id DESC LIMIT 1) AS calendar ON true
         WHERE departments.id = ANY($1)`,
        [missing]
      )
      for (const row of rows) {
        const department = Department.$createFromAdapterResult(row)!
        this.#departments.set(department.id, department)
      }
    }
    return ids.flatMap((id) => this.#departments.get(id) ?? [])
  }

  /** The calendar with this id, or the default one for null. */
  async calendar(id: number | null): Promise<WorkingCalendar> {
    let calendar = this.#calendars.get(id)
    if (!calendar) {
      const built = await calendars.get(id, this.client)
      calendar = built.calendar
      this.#calendars.set(id, calendar)
    }
    return calendar
  }

  /** The calendar a department counts its working time in. */
  async departmentCalendar(departmentId: number): Promise<WorkingCalendar> {
    const department = await this.department(departmentId)
    const { calendar_ref: ref, calendar_version: version } = department.$extras
    const held = ref ? calendars.cached(ref, version) : null
    if (held) return held
    return this.calendar(department.calendarId)
  }
}
