import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'
import { normalizePhone } from '#domain/intake/phone_format'

export { maskPhone, normalizePhone } from '#domain/intake/phone_format'

let lookupKey: KeyObject | null = null

/**
 * Keyed hash for finding a requester's other tickets without decrypting
 * every row. Keyed with APP_KEY so a leaked table cannot be reversed by
 * hashing all 11-digit numbers.
 */
export function phoneLookupHash(phone: string): string {
  // Built once: a string key is turned into a key object on every call.
  lookupKey ??= createSecretKey(Buffer.from(`${env.get('APP_KEY').release()}:requester-phone`))
  return createHmac('sha256', lookupKey).update(normalizePhone(phone)).digest('hex')
}

export function encryptPhone(phone: string): string {
  return encryption.encrypt(normalizePhone(phone), { purpose: 'requester-phone' })
}

export function decryptPhone(cipher: string): string | null {
  return encryption.decrypt<string>(cipher, 'requester-phone')
}
