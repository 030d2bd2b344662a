import vine from '@vinejs/vine'
import { API_SCOPES } from '#domain/api_scopes'

export const createApiClientValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(100),
  scopes: vine.array(vine.enum(API_SCOPES)).minLength(1).distinct(),
})
