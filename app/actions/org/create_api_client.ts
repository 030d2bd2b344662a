import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import ApiClient from '#models/api_client'
import type { ApiScope } from '#domain/api_scopes'

export interface CreateApiClientInput {
  name: string
  scopes: ApiScope[]
}

/**
 * Registers a machine client. The secret is returned once, here, and stored
 * encrypted: signatures must be recomputed from it, so it cannot be hashed.
 */
export default class CreateApiClient {
  async handle(input: CreateApiClientInput): Promise<{ client: ApiClient; secret: string }> {
    const secret = randomBytes(32).toString('base64url')
    const client = await ApiClient.create({
      name: input.name,
      scopes: input.scopes,
      keyId: `jk_${randomBytes(9).toString('base64url')}`,
      secretEncrypted: encryption.encrypt(secret),
      isActive: true,
    })
    return { client, secret }
  }
}
