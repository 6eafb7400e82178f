// The city the hub's simulator runs: Dezhou (德州), Shandong. Districts with approximate centres
// (WGS-84), their roads, landmarks and rivers, the demo incidents and cameras every new city
// starts with, and the words the simulator builds names and summaries from. Data only.
import type { IncidentStatus, IncidentType } from '../shared/domain/incident';
import type { UnitKind } from '../shared/domain/unit';

export interface District {
  name: string;
  /** Short place name used in landmark names (德州, 禹城 …). */
  short: string;
  lat: number;
  lon: number;
  /** How far from the centre things happen, in degrees (about 111 km per degree of latitude). */
  spread: number;
  /** Relative share of cameras, units and incidents. */
  weight: number;
  roads: readonly string[];
  landmarks: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  {
    name: '德城区', short: '德州', lat: 37.445, lon: 116.325, spread: 0.028, weight: 30,
    roads: ['东方红路', '三八路', '天衢路', '新湖大街', '湖滨北路', '解放大道', '德兴大道', '大学路', '长河大道', '东风路', '北园路', '新华路', '建设街', '岔河大道', '康博大道'],
    landmarks: ['德州学院', '市人民医院', '百货大楼', '长河公园', '新湖风景区', '火车站广场', '汽车总站', '市实验中学', '澳德乐时代广场', '天衢农贸市场'],
  },
  {
    name: '经济技术开发区', short: '德州经开区', lat: 37.418, lon: 116.382, spread: 0.022, weight: 12,
    roads: ['崇德一大道', '崇德三大道', '崇德五大道', '晶华大道', '东方红东路', '天衢东路', '长河大道', '尚德三路', '宋官屯路'],
    landmarks: ['德州东站', '建材市场', '高新技术创业园', '开发区管委会', '体育中心', '康博公园'],
  },
  {
    name: '运河经济开发区', short: '运河开发区', lat: 37.402, lon: 116.272, spread: 0.018, weight: 6,
    roads: ['运河大道', '顺河路', '广川大道', '三八西路', '湖滨南路', '经五路'],
    landmarks: ['物流园', '运河公园', '汽配城', '纺织工业园'],
  },
  {
    name: '陵城区', short: '陵城', lat: 37.343, lon: 116.572, spread: 0.02, weight: 8,
    roads: ['陵州路', '中心大街', '安德路', '府前街', '宏大道', '东方红路', '兴隆街'],
    landmarks: ['陵城区人民医院', '陵城汽车站', '陵城区第一中学', '陵州公园'],
  },
  {
    name: '禹城市', short: '禹城', lat: 36.934, lon: 116.638, spread: 0.02, weight: 6,
    roads: ['行政街', '汉槐街', '市中街', '大禹路', '禹王路', '开发路', '铁道北路'],
    landmarks: ['禹城市人民医院', '禹城站', '大禹公园', '禹城商业街'],
  },
  {
    name: '乐陵市', short: '乐陵', lat: 37.729, lon: 117.232, spread: 0.02, weight: 6,
    roads: ['枣乡大街', '兴隆大街', '阜昌路', '振华路', '鲁冀路', '文化路'],
    landmarks: ['乐陵市人民医院', '乐陵汽车站', '枣林文化广场', '金丝小枣市场'],
  },
  {
    name: '临邑县', short: '临邑', lat: 37.19, lon: 116.866, spread: 0.018, weight: 5,
    roads: ['邢侗街', '恒源路', '开元大街', '花园大街', '临盘路', '永兴路'],
    landmarks: ['临邑县人民医院', '邢侗公园', '临邑汽车站', '恒源商场'],
  },
  {
    name: '齐河县', short: '齐河', lat: 36.795, lon: 116.759, spread: 0.02, weight: 6,
    roads: ['齐晏大街', '晏城路', '齐鲁大道', '黄河大街', '红星路', '城区大道'],
    landmarks: ['齐河县人民医院', '黄河国际生态城', '齐河汽车站', '齐河博物馆'],
  },
  {
    name: '平原县', short: '平原', lat: 37.166, lon: 116.434, spread: 0.016, weight: 4,
    roads: ['龙门街', '平安大街', '东宁路', '恩城路', '新华路'],
    landmarks: ['平原县人民医院', '平原站', '龙门公园', '平原商城'],
  },
  {
    name: '夏津县', short: '夏津', lat: 36.948, lon: 116.001, spread: 0.016, weight: 4,
    roads: ['银城路', '中山街', '迎春大街', '青年路', '鄃城路'],
    landmarks: ['夏津县人民医院', '夏津汽车站', '银城广场', '棉花市场'],
  },
  {
    name: '武城县', short: '武城', lat: 37.213, lon: 116.069, spread: 0.014, weight: 3,
    roads: ['振华街', '广运街', '运河大街', '武城路', '古贝春路'],
    landmarks: ['武城县人民医院', '武城汽车站', '弦歌广场'],
  },
  {
    name: '庆云县', short: '庆云', lat: 37.776, lon: 117.386, spread: 0.014, weight: 3,
    roads: ['云天路', '府前街', '渤海路', '北海路', '环城路'],
    landmarks: ['庆云县人民医院', '庆云汽车站', '海岛金山寺景区'],
  },
  {
    name: '宁津县', short: '宁津', lat: 37.652, lon: 116.8, spread: 0.016, weight: 4,
    roads: ['津城街', '长官路', '正泰路', '宁城路', '德宁路'],
    landmarks: ['宁津县人民医院', '宁津汽车站', '杂技文化广场', '家具城'],
  },
];

/** Rivers and bridges, for the water authority's level cameras. */
export const RIVERS: readonly { river: string; bridge: string; district: string }[] = [
  { river: '岔河', bridge: '长河大道桥', district: '德城区' },
  { river: '减河', bridge: '湿地公园桥', district: '德城区' },
  { river: '南运河', bridge: '运河大道桥', district: '运河经济开发区' },
  { river: '马颊河', bridge: '陵城大桥', district: '陵城区' },
  { river: '徒骇河', bridge: '禹城大桥', district: '禹城市' },
  { river: '漳卫新河', bridge: '庆云大桥', district: '庆云县' },
  { river: '黄河', bridge: '齐河浮桥', district: '齐河县' },
  { river: '德惠新河', bridge: '临邑大桥', district: '临邑县' },
];

export const DEPARTMENTS = ['公安局', '交警支队', '城市管理局', '应急管理局', '住建局', '水利局'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const DEPARTMENT_WEIGHTS: Readonly<Record<Department, number>> = {
  公安局: 35,
  交警支队: 30,
  城市管理局: 15,
  应急管理局: 7,
  住建局: 7,
  水利局: 6,
};

export const DIRECTIONS: readonly { label: string; heading: number }[] = [
  { label: '东向', heading: 90 },
  { label: '南向', heading: 180 },
  { label: '西向', heading: 270 },
  { label: '北向', heading: 0 },
];

// ---- the demo every new city starts with --------------------------------------------------
// The same six incidents and ten cameras as the workstation's local demo
// (electron/services/store/seed.ts), so a workstation shows the same city with or without a hub.

export interface SeedIncident {
  type: IncidentType;
  priority: number;
  status: IncidentStatus;
  minutesAgo: number;
  lat: number;
  lon: number;
  address: string;
  district: string;
  summary: string;
}

export const SEED_INCIDENTS: readonly SeedIncident[] = [
  { type: 'traffic_accident', priority: 1, status: 'new', minutesAgo: 3, lat: 37.4512, lon: 116.3105, address: '德城区 东方红路与三八路交叉口', district: '德城区', summary: '两车相撞，一人受伤，占用两条车道' },
  { type: 'fire', priority: 1, status: 'dispatched', minutesAgo: 11, lat: 37.4339, lon: 116.3617, address: '德城区 新湖大街 58 号 商住楼', district: '德城区', summary: '三楼住户厨房起火，有浓烟' },
  { type: 'public_security', priority: 2, status: 'en_route', minutesAgo: 24, lat: 37.4621, lon: 116.2934, address: '德城区 天衢东路 火车站广场', district: '德城区', summary: '多人聚集发生纠纷' },
  { type: 'road_occupation', priority: 3, status: 'on_scene', minutesAgo: 47, lat: 37.4185, lon: 116.3402, address: '经济技术开发区 崇德五大道 建材市场门前', district: '经济技术开发区', summary: '店外经营占道，影响通行（文明创城）' },
  { type: 'illegal_parking', priority: 4, status: 'new', minutesAgo: 6, lat: 37.4417, lon: 116.3286, address: '德城区 湖滨北路 德州学院东门', district: '德城区', summary: '车辆违停堵塞消防通道' },
  { type: 'flooding', priority: 2, status: 'closed', minutesAgo: 180, lat: 37.3598, lon: 116.5653, address: '陵城区 陵州路 下穿立交', district: '陵城区', summary: '强降雨后立交积水约 40 厘米，已排空' },
];

export interface SeedCamera {
  name: string;
  lat: number;
  lon: number;
  heading: number;
  fov: number;
  range: number;
  codec: 'h264' | 'h265';
  ptz: boolean;
  department: string;
  district: string;
}

export const SEED_CAMERAS: readonly SeedCamera[] = [
  { name: '东方红路三八路口 东向', lat: 37.4514, lon: 116.3098, heading: 90, fov: 60, range: 150, codec: 'h264', ptz: false, department: '交警支队', district: '德城区' },
  { name: '东方红路三八路口 球机', lat: 37.451, lon: 116.3111, heading: 0, fov: 360, range: 200, codec: 'h265', ptz: true, department: '交警支队', district: '德城区' },
  { name: '新湖大街 商住楼北侧', lat: 37.4345, lon: 116.3612, heading: 170, fov: 70, range: 120, codec: 'h264', ptz: false, department: '公安局', district: '德城区' },
  { name: '火车站广场 全景', lat: 37.4627, lon: 116.2925, heading: 135, fov: 90, range: 250, codec: 'h265', ptz: false, department: '公安局', district: '德城区' },
  { name: '火车站广场 出站口', lat: 37.4616, lon: 116.2941, heading: 315, fov: 60, range: 100, codec: 'h264', ptz: true, department: '公安局', district: '德城区' },
  { name: '崇德五大道 建材市场', lat: 37.4191, lon: 116.3395, heading: 200, fov: 65, range: 140, codec: 'h264', ptz: false, department: '城市管理局', district: '经济技术开发区' },
  { name: '湖滨北路 德州学院东门', lat: 37.4421, lon: 116.3279, heading: 120, fov: 60, range: 120, codec: 'h264', ptz: false, department: '城市管理局', district: '德城区' },
  { name: '陵州路 下穿立交', lat: 37.3603, lon: 116.5648, heading: 180, fov: 55, range: 160, codec: 'h264', ptz: false, department: '住建局', district: '陵城区' },
  { name: '市民服务中心 大厅', lat: 37.4369, lon: 116.3553, heading: 45, fov: 100, range: 60, codec: 'h264', ptz: false, department: '行政审批局', district: '德城区' },
  { name: '减河湿地公园 制高点', lat: 37.4702, lon: 116.3504, heading: 225, fov: 360, range: 800, codec: 'h265', ptz: true, department: '应急管理局', district: '德城区' },
];

/** The unit the demo's open incidents already have, by incident type. */
export const SEED_UNIT_KIND: Readonly<Partial<Record<IncidentType, UnitKind>>> = {
  fire: 'fire',
  public_security: 'police',
  road_occupation: 'city_management',
  flooding: 'emergency',
};

// ---- units ---------------------------------------------------------------------------------

/** Share of each kind in the fleet, and how a callsign reads (n is the unit's number within its kind). */
export const UNIT_KINDS_MIX: readonly { kind: UnitKind; weight: number; callsign: (n: number) => string }[] = [
  { kind: 'police', weight: 6, callsign: (n) => `巡逻 ${n} 组` },
  { kind: 'traffic', weight: 5, callsign: (n) => `交警 ${n} 队` },
  { kind: 'ambulance', weight: 4, callsign: (n) => `120 急救 ${n} 号` },
  { kind: 'city_management', weight: 4, callsign: (n) => `城管 ${n} 中队` },
  { kind: 'fire', weight: 3, callsign: (n) => `消防 ${n} 中队` },
  { kind: 'emergency', weight: 2, callsign: (n) => `应急 ${n} 分队` },
];

// ---- incidents -----------------------------------------------------------------------------

export interface IncidentProfile {
  type: IncidentType;
  /** Relative frequency among new incidents. */
  weight: number;
  /** Possible priorities, one drawn uniformly (1 is the most urgent). */
  priorities: readonly number[];
  /** Unit kinds that handle it, most suitable first. */
  units: readonly UnitKind[];
  summaries: readonly string[];
  /** Chronology notes once a unit is on scene. */
  notes: readonly string[];
}

export const INCIDENT_PROFILES: readonly IncidentProfile[] = [
  {
    type: 'traffic_accident', weight: 28, priorities: [1, 2, 2, 3, 3], units: ['traffic', 'police', 'ambulance'],
    summaries: ['两车追尾，无人员受伤，占用一条车道', '电动车与轿车剐蹭，骑车人轻伤', '货车侧翻，散落货物占用道路', '三车连环追尾，有人员被困', '车辆撞击护栏，油液泄漏'],
    notes: ['已设置警示锥桶，疏导交通', '伤者已送医，正在勘查现场', '事故车辆已拖离，道路恢复通行'],
  },
  {
    type: 'illegal_parking', weight: 18, priorities: [4, 4, 3], units: ['traffic', 'city_management'],
    summaries: ['机动车占用盲道停放', '大货车违停占用非机动车道', '车辆在公交站台违停', '小区出入口车辆违停，居民无法通行'],
    notes: ['已张贴违停告知单', '已联系车主挪车', '已拖移违停车辆'],
  },
  {
    type: 'road_occupation', weight: 14, priorities: [3, 4, 4], units: ['city_management'],
    summaries: ['建筑材料堆放占用人行道', '流动摊贩占道经营', '施工围挡超出许可范围', '沿街商户占道堆放杂物'],
    notes: ['已劝导商户收回店内经营', '已责令清理占道物品', '现场已恢复整洁（文明创城）'],
  },
  {
    type: 'public_security', weight: 14, priorities: [2, 2, 3], units: ['police'],
    summaries: ['商户与顾客发生纠纷', '有人醉酒滋事', '群众报警称电动车被盗', '邻里纠纷，双方情绪激动', '可疑人员在小区内徘徊'],
    notes: ['双方已分开，正在调解', '已带回派出所做进一步处理', '已调取周边监控'],
  },
  {
    type: 'medical', weight: 12, priorities: [1, 1, 2], units: ['ambulance'],
    summaries: ['老人突发疾病倒地，意识不清', '路人晕倒，需急救', '工地人员高处坠落受伤', '儿童误食异物，家属求助'],
    notes: ['患者生命体征平稳，正在转运', '已送往就近医院急诊', '现场已实施心肺复苏'],
  },
  {
    type: 'fire', weight: 6, priorities: [1, 1, 2], units: ['fire', 'emergency'],
    summaries: ['居民楼阳台起火，有明火', '沿街商铺起火，浓烟较大', '车辆自燃，车内无人', '垃圾堆放点起火，火势较小', '仓库冒烟，疑似电气线路故障'],
    notes: ['明火已扑灭，正在排烟', '已疏散楼内群众，无人员伤亡', '火场清理完毕，移交属地'],
  },
  {
    type: 'flooding', weight: 5, priorities: [2, 3, 3], units: ['emergency', 'city_management'],
    summaries: ['强降雨后路面积水约 30 厘米', '下穿立交积水，车辆涉水熄火', '小区地下车库进水', '雨水井冒水，路面积水'],
    notes: ['已调派排涝泵车抽排', '已设置警戒，禁止车辆通行', '积水已排除，道路恢复通行'],
  },
  {
    type: 'hazardous_material', weight: 3, priorities: [1], units: ['fire', 'emergency'],
    summaries: ['危化品运输车辆泄漏，有刺激性气味', '加油站附近油品泄漏', '工厂管道氨气泄漏，周边需疏散'],
    notes: ['已划定警戒区，疏散周边群众', '泄漏点已封堵，正在监测', '环境监测正常，解除警戒'],
  },
];
