import { configApp } from '@adonisjs/eslint-config'

export default configApp(
  { ignores: ['build/**', '.adonisjs/**', 'database/schema.ts'] },
  {
    // Tests read API responses inline (`(await api.intake(...)).body().data`);
    // splitting each into a variable would only add noise there.
    files: ['tests/**/*.ts'],
    rules: { '@unicorn/no-await-expression-member': 'off' },
  }
)
