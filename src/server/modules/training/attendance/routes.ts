import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  attendanceMatrix,
  checkinCode,
  checkinInfo,
  checkinResult,
  completionState,
  finalTestBody,
  register,
  registerBody,
  teachingQuery,
  teachingSession,
  webinarReport,
} from '../../../../common/attendance.js';
import { idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import { uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { CheckinService } from './checkin-service.js';
import type { LogbookService } from './logbook-service.js';
import type { AttendanceService } from './service.js';
import type { WebinarAttendance } from './webinar-ledger.js';

export type AttendanceServices = {
  attendance: AttendanceService;
  checkins: CheckinService;
  logbook: LogbookService;
  webinarAttendance: WebinarAttendance;
};

import { logbookRoutes } from './logbook-routes.js';

const token = z.object({ token: z.string().regex(/^[\w-]{20,100}$/) });

export function attendanceRoutes(app: App, deps: RouteDeps<AttendanceServices>) {
  const r = typed(app);
  const { attendance, checkins } = deps.services;
  const tags = ['attendance'];

  r.get(
    apiRoutes.attendance.register,
    {
      schema: {
        tags,
        summary:
          'A session’s register: its confirmed enrollees with their recorded minutes (trainers, managers)',
        params: idParams,
        response: { 200: register },
      },
    },
    async (req) => {
      return attendance.register(req.ctx, req.params.id);
    },
  );

  r.put(
    apiRoutes.attendance.register,
    {
      schema: {
        tags,
        summary:
          'Fill in the register: present or absent, minutes late and left early (from the session’s start)',
        params: idParams,
        body: registerBody,
        response: { 200: register },
      },
    },
    async (req) => {
      return attendance.saveRegister(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.attendance.checkinCode,
    {
      schema: {
        tags,
        summary: 'The session’s check-in code, address and QR code (made on first request)',
        params: idParams,
        response: { 200: checkinCode },
      },
    },
    async (req) => {
      return checkins.code(req.ctx, req.params.id);
    },
  );

  r.get(
    apiRoutes.attendance.checkin,
    {
      schema: {
        tags,
        summary: 'What a check-in code is for: session, times and whether check-in is open now',
        params: token,
        response: { 200: checkinInfo },
      },
    },
    async (req) => {
      return checkins.info(req.ctx, req.params.token);
    },
  );

  r.post(
    apiRoutes.attendance.checkin,
    {
      schema: {
        tags,
        summary: 'Check in to a session (from 30 minutes before its start to its end)',
        params: token,
        response: { 200: checkinResult },
      },
    },
    async (req) => {
      return checkins.checkIn(req.ctx, req.params.token);
    },
  );

  r.get(
    apiRoutes.attendance.signInSheet,
    {
      schema: {
        tags,
        summary: 'The session’s printable sign-in sheet (PDF, A4, Italian)',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: fileAnswer<Buffer>('PDF document (A4)') },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await attendance.signInSheet(req.ctx, req.params.id);
      reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .header('cache-control', 'private, no-store');
      return reply.send(pdf);
    },
  );

  r.post(
    apiRoutes.attendance.webinarReport,
    {
      schema: {
        tags,
        summary:
          'Load a video platform’s participants report (CSV in UTF-8 or UTF-16, multipart field "file": Teams, Zoom, Google Meet, BigBlueButton or plain columns): minutes per person, overlaps merged',
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 200: webinarReport },
      },
    },
    async (req) => {
      const { buffer } = await uploadOf(req);
      return attendance.webinarReport(req.ctx, req.params.id, buffer);
    },
  );

  r.get(
    apiRoutes.attendance.teaching,
    {
      schema: {
        tags,
        summary:
          'Sessions I teach (trainer of the edition or of the session), with enrolled and recorded counts',
        querystring: teachingQuery,
        response: { 200: z.object({ items: z.array(teachingSession) }) },
      },
    },
    async (req) => {
      return attendance.teaching(req.ctx, req.query);
    },
  );

  r.get(
    apiRoutes.attendance.matrix,
    {
      schema: {
        tags,
        summary:
          'An edition’s attendance: sessions × confirmed people, with completion (Province officers: their people)',
        params: idParams,
        response: { 200: attendanceMatrix },
      },
    },
    async (req) => {
      return attendance.matrix(req.ctx, req.params.id);
    },
  );

  r.put(
    apiRoutes.attendance.finalTest,
    {
      schema: {
        tags,
        summary: 'Record the final test’s result of a confirmed enrolment (trainers, managers)',
        params: idParams,
        body: finalTestBody,
        response: { 200: completionState },
      },
    },
    async (req) => {
      return attendance.setFinalTest(req.ctx, req.params.id, req.body.passed);
    },
  );

  logbookRoutes(app, deps);
}
