'use client';

// The same error page, but inside the app shell when a page fails; a failing shell falls through to app/error.tsx.
export { default } from '../error';
