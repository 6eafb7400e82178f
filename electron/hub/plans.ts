// The reference hub's response plans (预案), one per incident type: what a dispatcher works
// through, in order. Written for the demo city; a real platform supplies its own.
import type { IncidentType } from '../shared/domain/incident';
import type { PlanWire } from '../shared/sync/protocol';

type Step = [text: string, required: boolean];

const PLANS: Readonly<Record<IncidentType, { name: string; steps: readonly Step[] }>> = {
  traffic_accident: {
    name: '道路交通事故处置预案',
    steps: [['核实事故地点、车辆数及伤亡情况', true], ['派出就近交警', true], ['有人员受伤时通知 120 急救', true], ['调取路口视频确认现场', false], ['通知清障车辆', false], ['现场处置完毕，恢复通行后结案', true]],
  },
  fire: {
    name: '火灾处置预案',
    steps: [['核实起火位置、楼层及被困人员', true], ['派出消防中队', true], ['通知 120 急救待命', true], ['派出巡警维持现场秩序', true], ['通知燃气、电力部门', false], ['确认明火扑灭、人员安全后结案', true]],
  },
  public_security: {
    name: '治安事件处置预案',
    steps: [['核实人数、有无凶器及伤者', true], ['派出巡警', true], ['调取周边视频', false], ['必要时增派警力', false], ['现场控制后结案', true]],
  },
  road_occupation: {
    name: '占道经营处置预案（文明创城）',
    steps: [['核实占道位置与范围', true], ['派出城管队员', true], ['现场劝导并拍照取证', true], ['复查整改情况后结案', true]],
  },
  illegal_parking: {
    name: '违章停车处置预案（文明创城）',
    steps: [['核实车辆与阻塞情况（消防通道优先）', true], ['派出城管或交警', true], ['联系车主挪车或拖移', true], ['复查通道畅通后结案', true]],
  },
  flooding: {
    name: '城市积水内涝处置预案',
    steps: [['核实积水位置与深度', true], ['派出应急力量设置警示', true], ['通知排水部门抽排', true], ['必要时封闭道路并发布绕行提示', false], ['积水排空、恢复通行后结案', true]],
  },
  medical: {
    name: '医疗急救处置预案',
    steps: [['核实病人情况与准确地址', true], ['派出 120 急救', true], ['必要时派出巡警协助', false], ['确认送医后结案', true]],
  },
  hazardous_material: {
    name: '危险化学品泄漏处置预案',
    steps: [['核实物质种类、泄漏量与风向', true], ['派出消防与应急力量', true], ['划定警戒区、疏散群众', true], ['通知生态环境部门监测', true], ['险情消除后结案', true]],
  },
  other: {
    name: '一般警情处置预案',
    steps: [['核实情况', true], ['派出相应力量', true], ['处置完毕后结案', true]],
  },
};

export function demoPlans(now: number): Omit<PlanWire, 'version'>[] {
  return (Object.entries(PLANS) as [IncidentType, (typeof PLANS)[IncidentType]][]).map(([type, p]) => ({
    id: `plan-${type}`,
    incidentType: type,
    name: p.name,
    steps: p.steps.map(([text, required], k) => ({ ordinal: k + 1, text, required })),
    updatedAt: now,
  }));
}
