// The same 403 page, but inside the app shell so that the navigation stays in reach.
export { default, metadata } from '../forbidden';
