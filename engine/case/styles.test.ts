/** The case file draws nodes and edges exactly as the viewer does: its mirrored style tables stay equal. */
import * as viewer from '../../viz/src/graph/styles';
import { EDGE_CATEGORIES, edgeCategory, NODE_STYLES } from './styles';

test('node styles and edge categories equal the viewer’s', () => {
  expect(NODE_STYLES).toEqual(viewer.NODE_STYLES);
  expect(EDGE_CATEGORIES).toEqual(viewer.EDGE_CATEGORIES);
  for (const type of ['CO_BID', 'FROM_MACHINE', 'CONTACT_PHONE', 'LEGAL_REP_OF', 'SAT_ON', 'BID', 'WON', 'X']) {
    expect(edgeCategory(type)).toBe(viewer.edgeCategory(type));
  }
});
