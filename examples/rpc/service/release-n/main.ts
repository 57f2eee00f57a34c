import { runNode } from '../node.ts';
import { release } from './release.ts';

runNode(release);
