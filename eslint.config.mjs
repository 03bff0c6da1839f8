import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import skipFormatting from '@vue/eslint-config-prettier/skip-formatting'

const electronBan = {
  name: 'electron',
  message: 'Only src/main/electron/ and src/preload/ may import electron (see DESIGN.md).'
}
const nodeBan = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util'],
  message: 'src/shared and the renderer run everywhere: no Node built-ins.'
}

export default defineConfigWithVueTs(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**']
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/explicit-function-return-type': 'off'
    }
  },
  // Layer rules: which folder may import which.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, { name: 'vue', message: 'src/shared imports no vue.' }],
          patterns: [
            nodeBan,
            {
              group: ['pinia', '@renderer/*', '../main/*', '../renderer/*'],
              message: 'src/shared stands alone.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { window: 'off', document: 'off' } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage']
    }
  },
  {
    files: ['src/main/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            {
              group: ['vue', 'pinia', '@renderer/*', '**/renderer/**'],
              message: 'The back end does not import the renderer.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vue', 'pinia', '@renderer/*', '**/renderer/**'],
              message: 'The back end does not import the renderer.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan],
          patterns: [
            nodeBan,
            {
              group: ['**/main/**', '../../main/*'],
              message: 'The renderer reaches the back end only through src/renderer/src/api/.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vue', 'pinia', '**/main/**', '**/renderer/**'],
              message: 'The preload is only the bridge.'
            }
          ]
        }
      ]
    }
  },
  // Raw IPC lives in exactly two files.
  {
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/main/electron/ipc.ts', 'src/preload/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Use handle() in src/main/electron/ipc.ts.'
        },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'Only src/preload/index.ts talks IPC.'
        }
      ]
    }
  },
  {
    files: ['bin/**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: { globals: { require: 'readonly', __dirname: 'readonly' } }
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } }
  },
  skipFormatting
)
