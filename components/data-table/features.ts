import {
  columnOrderingFeature,
  columnVisibilityFeature,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

export type DataColumnMeta = {
  /** The column's name where its header is not plain text (menus, screen readers). */
  label: string;
  /** Numbers line up on the right. */
  align?: 'start' | 'end';
  /** Keeps the column in view while the table scrolls sideways; `left` is its offset (a Tailwind class). */
  sticky?: string;
};

/**
 * The features of a server-driven table: sorting, visibility and order are state the URL owns (the server sorts and
 * pages), selection is the browser's. No client row models: the rows arrive sorted and paged.
 */
export const serverTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnMeta: metaHelper<DataColumnMeta>(),
});
export type ServerTableFeatures = typeof serverTableFeatures;
