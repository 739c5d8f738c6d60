/**
 * "Move open tasks too" of an owner change, ticked by default: the work usually follows the account. The server reads
 * it as the moveOpenTasks checkbox.
 */
export function MoveOpenTasksCheckbox({ label }: { label: string }) {
  return (
    <label className="flex items-start gap-2 text-sm text-zinc-800">
      <input type="checkbox" name="moveOpenTasks" defaultChecked className="mt-0.5 size-4 accent-accent-700" />
      {label}
    </label>
  );
}
