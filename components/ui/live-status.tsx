/**
 * Text that screen readers announce when it changes (a polite live region), e.g. how many rows are selected. Always
 * rendered, empty when there is nothing to say: a region added together with its text is often not announced.
 */
export function LiveStatus({
  children,
  visible = false,
  className,
}: {
  children?: string;
  visible?: boolean;
  className?: string;
}) {
  return (
    <span role="status" className={visible ? className : 'sr-only'}>
      {children}
    </span>
  );
}
