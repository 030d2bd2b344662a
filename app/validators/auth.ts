import vine from '@vinejs/vine'

export const credentialsValidator = vine.create({
  email: vine.string().trim().toLowerCase().email(),
  password: vine.string().minLength(1).maxLength(200),
})

export const tokenRequestValidator = vine.create({
  email: vine.string().trim().toLowerCase().email(),
  password: vine.string().minLength(1).maxLength(200),
  tokenName: vine.string().trim().maxLength(100).optional(),
})
