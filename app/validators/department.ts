import vine from '@vinejs/vine'
import { DEPARTMENT_LEVELS } from '#domain/department_levels'

const code = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{2,32}$/)

const name = () => vine.string().trim().minLength(2).maxLength(100)
const contactEmails = () => vine.array(vine.string().trim().email()).maxLength(10).distinct()
const parentId = () =>
  vine.number().withoutDecimals().positive().exists({ table: 'departments', column: 'id' })

export const createDepartmentValidator = vine.create({
  code: code().unique({ table: 'departments', column: 'code' }),
  name: name(),
  level: vine.enum(DEPARTMENT_LEVELS),
  parentId: parentId().nullable().optional(),
  contactEmails: contactEmails().optional(),
})

/** Admin edit: every field optional; the code stays unique apart from itself. */
export const updateDepartmentValidator = vine.withMetaData<{ id: number }>().create({
  code: code()
    .unique({
      table: 'departments',
      column: 'code',
      filter: (db, _value, field) => {
        db.whereNot('id', field.meta.id)
      },
    })
    .optional(),
  name: name().optional(),
  level: vine.enum(DEPARTMENT_LEVELS).optional(),
  parentId: parentId().nullable().optional(),
  contactEmails: contactEmails().optional(),
})

/** A department leader may only keep contact details current. */
export const updateDepartmentContactsValidator = vine.create({
  contactEmails: contactEmails(),
})

export const listDepartmentsValidator = vine.create({
  q: vine.string().trim().maxLength(50).optional(),
  level: vine.enum(DEPARTMENT_LEVELS).optional(),
  parentId: vine.number().withoutDecimals().positive().optional(),
  active: vine.boolean().optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
})
