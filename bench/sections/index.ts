import type { BenchSection } from '../context';
import { customerListSection } from './customer-list';
import { httpSection } from './http';
import { importSection } from './import';
import { kpiSection } from './kpis';
import { profileSection } from './profile';

/** The report's sections, in order; a feature with a speed target adds its own here. */
export const SECTIONS: BenchSection[] = [importSection, kpiSection, customerListSection, profileSection, httpSection];
