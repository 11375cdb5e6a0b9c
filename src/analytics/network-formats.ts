import type { NetworkRow } from '../objective/objective-network.sql';

export interface NetworkExport {
  network: NetworkRow;
  /** Short titles by objective number. */
  titles: Map<number, string>;
  /** What the export was filtered by, for the file's description. */
  description: string;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** GEXF 1.3 (Gephi): undirected, edges weighted by shared practices, with Jaccard as an attribute. */
export function toGexf({ network, titles, description }: NetworkExport, today = new Date()): string {
  const nodes = network.nodes
    .map((n) => `      <node id="${n.number}" label="${xml(titles.get(n.number) ?? String(n.number))}">
        <attvalues><attvalue for="number" value="${n.number}"/><attvalue for="shortTitle" value="${xml(titles.get(n.number) ?? '')}"/><attvalue for="practiceCount" value="${n.practiceCount}"/></attvalues>
      </node>`)
    .join('\n');
  const edges = network.edges
    .map((e, i) => `      <edge id="${i}" source="${e.source}" target="${e.target}" weight="${e.sharedPractices}">
        <attvalues><attvalue for="sharedPractices" value="${e.sharedPractices}"/><attvalue for="jaccard" value="${e.jaccard}"/></attvalues>
      </edge>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
  <meta lastmodifieddate="${today.toISOString().slice(0, 10)}">
    <creator>Hub Graph</creator>
    <description>${xml(description)}</description>
  </meta>
  <graph mode="static" defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="number" title="number" type="integer"/>
      <attribute id="shortTitle" title="shortTitle" type="string"/>
      <attribute id="practiceCount" title="practiceCount" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="sharedPractices" title="sharedPractices" type="integer"/>
      <attribute id="jaccard" title="jaccard" type="double"/>
    </attributes>
    <nodes>
${nodes}
    </nodes>
    <edges>
${edges}
    </edges>
  </graph>
</gexf>
`;
}

/** GraphML: the same network, for yEd, networkx, igraph and Cytoscape. */
export function toGraphml({ network, titles, description }: NetworkExport): string {
  const nodes = network.nodes
    .map((n) => `    <node id="o${n.number}"><data key="number">${n.number}</data><data key="shortTitle">${xml(titles.get(n.number) ?? '')}</data><data key="practiceCount">${n.practiceCount}</data></node>`)
    .join('\n');
  const edges = network.edges
    .map((e, i) => `    <edge id="e${i}" source="o${e.source}" target="o${e.target}"><data key="sharedPractices">${e.sharedPractices}</data><data key="jaccard">${e.jaccard}</data><data key="weight">${e.sharedPractices}</data></edge>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <desc>${xml(description)}</desc>
  <key id="number" for="node" attr.name="number" attr.type="int"/>
  <key id="shortTitle" for="node" attr.name="shortTitle" attr.type="string"/>
  <key id="practiceCount" for="node" attr.name="practiceCount" attr.type="int"/>
  <key id="sharedPractices" for="edge" attr.name="sharedPractices" attr.type="int"/>
  <key id="jaccard" for="edge" attr.name="jaccard" attr.type="double"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="objectives" edgedefault="undirected">
${nodes}
${edges}
  </graph>
</graphml>
`;
}
