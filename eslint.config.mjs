import { FlatCompat } from '@eslint/eslintrc';

// eslint-config-next 15 ships eslintrc configs; FlatCompat adapts them to ESLint 9's flat config.
const compat = new FlatCompat({ baseDirectory: import.meta.dirname });

const eslintConfig = [
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'db/migrations/**', 'test-results/**', 'next-env.d.ts'] },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    rules: {
      // A leading underscore marks a parameter a signature needs but the body does not.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // One link: components/ui/link.tsx (never prefetched, without next/link's code).
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: "Use { Link } from '@/components/ui/link'." }] }],
    },
  },
  {
    // `useTestDatabase()` registers vitest hooks; it is not a React hook, and these tests render no React.
    files: ['tests/unit/**', 'tests/integration/**', 'tests/e2e/**', 'tests/helpers/**', 'tests/setup/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default eslintConfig;
