import { createHmac } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'
import { normalizePhone } from '#domain/intake/phone_format'

export { maskPhone, normalizePhone } from '#domain/intake/phone_format'

/**
 * Keyed hash for finding a requester's other tickets without decrypting
 * every row. Keyed with APP_KEY so a leaked table cannot be reversed by
 * hashing all 11-digit numbers.
 */
export function phoneLookupHash(phone: string): string {
  return createHmac('sha256', `${env.get('APP_KEY').release()}:requester-phone`)
    .update(normalizePhone(phone))
    .digest('hex')
}

export function encryptPhone(phone: string): string {
  return encryption.encrypt(normalizePhone(phone), { purpose: 'requester-phone' })
}

export function decryptPhone(cipher: string): string | null {
  return encryption.decrypt<string>(cipher, 'requester-phone')
}
