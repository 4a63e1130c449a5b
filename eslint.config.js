import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** DOM sinks and dynamic code that must never appear: Google pages enforce Trusted Types, and we render text. */
const forbiddenSyntax = [
  {
    selector: "MemberExpression[property.name='innerHTML']",
    message: 'Render text (textContent/JSX), never innerHTML.',
  },
  { selector: "MemberExpression[property.name='outerHTML']", message: 'Render text, never outerHTML.' },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Never insertAdjacentHTML.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'Never parse HTML strings.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Never dangerouslySetInnerHTML.',
  },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function: no dynamic code.' },
  {
    selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Literal']",
    message: 'No string timers.',
  },
];

/** zod is configured once (jitless) in lib/domain/zod.ts: import `z` from there. */
const ZOD_PATH = {
  name: 'zod',
  message: "Import z from lib/domain/zod.ts (configured jitless), not from 'zod'.",
};

/** Content scripts run in Google's pages: they must never reach the database or note storage. */
const contentScriptImportRules = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: [
            '**/lib/db',
            '**/lib/db/**',
            '@/lib/db',
            '@/lib/db/**',
            '../db',
            '../db/**',
            '../../db',
            '../../db/**',
            'dexie',
            'dexie/**',
          ],
          message: 'Content scripts never open the database (ARCHITECTURE.md: trust boundaries).',
        },
      ],
      paths: [ZOD_PATH],
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', '.reports/**', 'artifacts/**', 'tests/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        navigator: 'readonly',
        location: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        HTMLTextAreaElement: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...forbiddenSyntax],
      'no-restricted-properties': [
        'error',
        { object: 'document', property: 'write', message: 'Never document.write.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { paths: [ZOD_PATH] }],
    },
  },
  {
    // The English catalog is build input (wxt.config.ts writes _locales from it) and test data: extension code
    // asks the browser through t() and never bundles it (lib/i18n/index.ts). Types may come from it.
    files: ['lib/**', 'components/**', 'entrypoints/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/i18n/catalog', '@/lib/i18n/catalog', './catalog'],
              allowTypeImports: true,
              message: 'Extension code asks the browser (t() in lib/i18n); the catalog is not bundled.',
            },
          ],
        },
      ],
    },
  },
  {
    // TypeScript checks names itself (and knows the DOM and Node types); no-undef only misfires there.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['entrypoints/*.content/**', 'entrypoints/*.content.ts', 'lib/content/**', 'lib/google/**'],
    rules: contentScriptImportRules,
  },
  {
    // Pure domain logic: no DOM, no browser APIs, no database.
    files: ['lib/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['wxt/*', 'dexie', '**/db', '**/db/**'], message: 'lib/domain stays pure.' }],
          paths: [ZOD_PATH],
        },
      ],
    },
  },
  {
    // The one place that imports zod itself.
    files: ['lib/domain/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**', 'scripts/**', '*.config.*'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
