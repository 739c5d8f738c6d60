import {
  Building2,
  ChartNoAxesCombined,
  FileUp,
  LayoutDashboard,
  ListTodo,
  ScrollText,
  ShieldAlert,
  Users,
  UsersRound,
  type LucideIcon,
} from 'lucide-react';
import type { NavIcon as NavIconName } from '@/lib/navigation';

const ICONS: Record<NavIconName, LucideIcon> = {
  overview: LayoutDashboard,
  customers: Building2,
  imports: FileUp,
  kpis: ChartNoAxesCombined,
  myWork: ListTodo,
  team: UsersRound,
  users: Users,
  audit: ScrollText,
  security: ShieldAlert,
};

export function NavIcon({ name, className }: { name: NavIconName; className?: string }) {
  const Icon = ICONS[name];
  return <Icon aria-hidden className={className} />;
}
