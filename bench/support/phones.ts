import { createHmac } from 'node:crypto'
import { Encryption } from '@adonisjs/core/encryption'
import { AES256GCM } from '@adonisjs/core/encryption/drivers/aes_256_gcm'

/**
 * Phone columns exactly as app/services/requester_phone.ts writes them
 * (config/encryption.ts: aes256gcm keyed with APP_KEY, purpose
 * 'requester-phone'; HMAC-SHA256 keyed `${APP_KEY}:requester-phone`), made
 * without booting the app, so the list API decrypts and masks bulk-loaded
 * rows the way it does real ones.
 */
export function phoneColumns(appKey: string) {
  const encryption = new Encryption({
    driver: (key) => new AES256GCM({ id: 'gcm', key }),
    keys: [appKey],
  })
  const normalize = (raw: string) => raw.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '')
  return (raw: string) => {
    const phone = normalize(raw)
    return {
      encrypted: encryption.encrypt(phone, { purpose: 'requester-phone' }),
      hash: createHmac('sha256', `${appKey}:requester-phone`).update(phone).digest('hex'),
    }
  }
}
