import { createHmac } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import env from '#start/env'

/**
 * Mainland numbers in one canonical form: digits only, without +86 / 0086,
 * so "+86 138-0013-8000" and "13800138000" find the same requester.
 */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '')
  return digits.replace(/^(?:0086|86)(?=1\d{10}$)/, '')
}

/** 138****5678; short numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length >= 7) return `${phone.slice(0, 3)}****${phone.slice(-4)}`
  return `${'*'.repeat(Math.max(phone.length - 2, 0))}${phone.slice(-2)}`
}

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
