import type { SelectHTMLAttributes } from 'react';
import { cn } from '@/lib/cn';
import { controlClasses } from './input';

/** A native select: it works in plain forms without JavaScript and with every assistive technology. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(controlClasses, 'h-9 pr-8', className)} {...props} />;
}
