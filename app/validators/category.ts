import vine from '@vinejs/vine'

const code = () =>
  vine
    .string()
    .trim()
    .regex(/^[0-9A-Z]{2,32}$/)
const name = () => vine.string().trim().minLength(2).maxLength(100)
const parentId = () =>
  vine.number().withoutDecimals().positive().exists({ table: 'categories', column: 'id' })
const defaultDepartmentId = () =>
  vine.number().withoutDecimals().positive().exists({ table: 'departments', column: 'id' })

export const createCategoryValidator = vine.create({
  code: code().unique({ table: 'categories', column: 'code' }),
  name: name(),
  parentId: parentId().nullable().optional(),
  defaultDepartmentId: defaultDepartmentId().nullable().optional(),
})

export const updateCategoryValidator = vine.withMetaData<{ id: number }>().create({
  code: code()
    .unique({
      table: 'categories',
      column: 'code',
      filter: (db, _value, field) => {
        db.whereNot('id', field.meta.id)
      },
    })
    .optional(),
  name: name().optional(),
  parentId: parentId().nullable().optional(),
  defaultDepartmentId: defaultDepartmentId().nullable().optional(),
})

export const listCategoriesValidator = vine.create({
  q: vine.string().trim().maxLength(50).optional(),
  parentId: vine.number().withoutDecimals().positive().optional(),
  active: vine.boolean().optional(),
})
