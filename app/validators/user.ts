import vine from '@vinejs/vine'
import { ROLES } from '#domain/roles'

const email = () => vine.string().trim().toLowerCase().email().maxLength(254)
const password = () => vine.string().minLength(8).maxLength(100)
const departmentId = () =>
  vine.number().withoutDecimals().positive().exists({ table: 'departments', column: 'id' })

export const createUserValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(100),
  email: email().unique({ table: 'users', column: 'email' }),
  password: password(),
  role: vine.enum(ROLES),
  departmentId: departmentId().nullable().optional(),
})

export const updateUserValidator = vine.withMetaData<{ id: number }>().create({
  fullName: vine.string().trim().minLength(2).maxLength(100).optional(),
  email: email()
    .unique({
      table: 'users',
      column: 'email',
      filter: (db, _value, field) => {
        db.whereNot('id', field.meta.id)
      },
    })
    .optional(),
  password: password().optional(),
  role: vine.enum(ROLES).optional(),
  departmentId: departmentId().nullable().optional(),
})

export const listUsersValidator = vine.create({
  q: vine.string().trim().maxLength(50).optional(),
  role: vine.enum(ROLES).optional(),
  departmentId: vine.number().withoutDecimals().positive().optional(),
  active: vine.boolean().optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().range([1, 200]).optional(),
})
