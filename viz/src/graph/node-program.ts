/**
 * A sigma node program drawing each node as a point sprite of one of four shapes (circle,
 * square, diamond, triangle: the `shape` attribute) with a ring of its own colour and width
 * (`ringColor`, `ringWidth`: the risk ring). One draw call for every node whatever its shape.
 */
import type { Attributes } from 'graphology-types';
import { NodeProgram, type ProgramInfo } from 'sigma/rendering';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { floatColor } from 'sigma/utils';

const VERTEX_SHADER = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec4 a_ring;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute float a_ringWidth;

uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;

varying vec4 v_color;
varying vec4 v_ring;
varying float v_shape;
varying float v_ringWidth;
varying float v_feather;

const float bias = 255.0 / 254.0;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_feather = (1.0 / a_size) * u_sizeRatio;
  v_shape = a_shape;
  v_ringWidth = a_ringWidth;
  #ifdef PICKING_MODE
  v_color = a_id;
  v_ring = a_id;
  #else
  v_color = a_color;
  v_ring = a_ring;
  #endif
  v_color.a *= bias;
  v_ring.a *= bias;
}
`;

const FRAGMENT_SHADER = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying vec4 v_ring;
varying float v_shape;
varying float v_ringWidth;
varying float v_feather;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  vec2 m = (gl_PointCoord - vec2(0.5, 0.5)) * 2.0;
  float d;
  if (v_shape < 0.5) d = length(m);
  else if (v_shape < 1.5) d = max(abs(m.x), abs(m.y)) * 1.15;
  else if (v_shape < 2.5) d = abs(m.x) + abs(m.y);
  else d = 2.0 * max(abs(m.x) * 0.866 - m.y * 0.5, m.y) + 0.1;

  #ifdef PICKING_MODE
  gl_FragColor = d < 1.0 ? v_color : transparent;
  #else
  vec4 color = d > 1.0 - v_ringWidth ? v_ring : v_color;
  float t = clamp((1.0 - d) / v_feather, 0.0, 1.0);
  gl_FragColor = mix(transparent, color, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;
const UNIFORMS = ['u_sizeRatio', 'u_pixelRatio', 'u_matrix'] as const;

type ShapeData = NodeDisplayData & { shape?: number; ringColor?: string; ringWidth?: number };

export class NodeShapeProgram<
  N extends Attributes = Attributes,
  E extends Attributes = Attributes,
  G extends Attributes = Attributes,
> extends NodeProgram<(typeof UNIFORMS)[number], N, E, G> {
  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX_SHADER,
      FRAGMENT_SHADER_SOURCE: FRAGMENT_SHADER,
      METHOD: WebGLRenderingContext.POINTS,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_shape', size: 1, type: FLOAT },
        { name: 'a_ringWidth', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_ring', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: ShapeData): void {
    const array = this.array;
    let i = startIndex;
    array[i++] = data.x;
    array[i++] = data.y;
    array[i++] = data.size;
    array[i++] = data.shape ?? 0;
    array[i++] = data.ringWidth ?? 0;
    array[i++] = floatColor(data.color);
    array[i++] = floatColor(data.ringColor ?? data.color);
    array[i++] = nodeIndex;
  }

  setUniforms({ sizeRatio, pixelRatio, matrix }: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
    gl.uniform1f(uniformLocations.u_pixelRatio, pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, matrix);
  }
}
