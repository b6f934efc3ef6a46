// @ts-nocheck
// generated from openapi.yaml by codegen — do not edit.
// Regenerate with `make codegen` (npm run generate -w codegen) after changing openapi.yaml.
// ajv standalone validators (JSON Schema 2020-12), one per operation and request piece.

import { createRequire } from "node:module";
const __require = createRequire(import.meta.url);
"use strict";
export const v2CreateTenant_body = validate20;
const schema31 = {"$id":"/op/v2CreateTenant/body","$ref":"/components.json#/$defs/CreateTenant"};
const schema33 = {"type":"object","required":["name"],"properties":{"name":{"type":"string"}}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CreateTenant/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate20.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateTenant/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
if(typeof data.name !== "string"){
validate20.errors = [{instancePath:instancePath+"/name",schemaPath:"/components.json#/$defs/CreateTenant/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate20.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateTenant/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":{"name":true},"dynamicProps":false,"dynamicItems":false};

export const v2GetTenant_params = validate22;
const schema34 = {"$id":"/op/v2GetTenant/params","type":"object","properties":{"tenant":{"type":"string"}},"required":["tenant"],"additionalProperties":false};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2GetTenant/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.tenant === undefined) && (missing0 = "tenant")){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "tenant")){
validate22.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate22.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2UpdateTenant_params = validate23;
const schema35 = {"$id":"/op/v2UpdateTenant/params","type":"object","properties":{"tenant":{"type":"string"}},"required":["tenant"],"additionalProperties":false};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2UpdateTenant/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.tenant === undefined) && (missing0 = "tenant")){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "tenant")){
validate23.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate23.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2UpdateTenant_body = validate24;
const schema36 = {"$id":"/op/v2UpdateTenant/body","$ref":"/components.json#/$defs/UpdateTenant"};
const schema37 = {"type":"object","required":["resource_name"],"properties":{"resource_name":{"type":"string"}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2UpdateTenant/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.resource_name === undefined) && (missing0 = "resource_name")){
validate24.errors = [{instancePath,schemaPath:"/components.json#/$defs/UpdateTenant/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.resource_name !== undefined){
if(typeof data.resource_name !== "string"){
validate24.errors = [{instancePath:instancePath+"/resource_name",schemaPath:"/components.json#/$defs/UpdateTenant/properties/resource_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate24.errors = [{instancePath,schemaPath:"/components.json#/$defs/UpdateTenant/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":{"resource_name":true},"dynamicProps":false,"dynamicItems":false};

export const v2ListDatabases_params = validate25;
const schema38 = {"$id":"/op/v2ListDatabases/params","type":"object","properties":{"tenant":{"type":"string"}},"required":["tenant"],"additionalProperties":false};

function validate25(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ListDatabases/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate25.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.tenant === undefined) && (missing0 = "tenant")){
validate25.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "tenant")){
validate25.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate25.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate25.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate25.errors = vErrors;
return errors === 0;
}
validate25.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2ListDatabases_query = validate26;
const schema39 = {"$id":"/op/v2ListDatabases/query","type":"object","properties":{"limit":{"type":"integer","minimum":0,"maximum":4294967295},"offset":{"type":"integer","minimum":0,"maximum":4294967295}}};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ListDatabases/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.limit !== undefined){
let data0 = data.limit;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate26.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs1){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 4294967295 || isNaN(data0)){
validate26.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate26.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.offset !== undefined){
let data1 = data.offset;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate26.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 4294967295 || isNaN(data1)){
validate26.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate26.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"props":{"limit":true,"offset":true},"dynamicProps":false,"dynamicItems":false};

export const v2CreateDatabase_params = validate27;
const schema40 = {"$id":"/op/v2CreateDatabase/params","type":"object","properties":{"tenant":{"type":"string"}},"required":["tenant"],"additionalProperties":false};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CreateDatabase/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.tenant === undefined) && (missing0 = "tenant")){
validate27.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "tenant")){
validate27.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate27.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CreateDatabase_body = validate28;
const schema41 = {"$id":"/op/v2CreateDatabase/body","$ref":"/components.json#/$defs/CreateDatabase"};
const schema42 = {"type":"object","required":["name"],"properties":{"name":{"type":"string"}}};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CreateDatabase/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate28.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateDatabase/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
if(typeof data.name !== "string"){
validate28.errors = [{instancePath:instancePath+"/name",schemaPath:"/components.json#/$defs/CreateDatabase/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate28.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateDatabase/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"props":{"name":true},"dynamicProps":false,"dynamicItems":false};

export const v2GetDatabase_params = validate29;
const schema43 = {"$id":"/op/v2GetDatabase/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"}},"required":["tenant","database"],"additionalProperties":false};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2GetDatabase/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))){
validate29.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "database"))){
validate29.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate29.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate29.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate29.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2DeleteDatabase_params = validate30;
const schema44 = {"$id":"/op/v2DeleteDatabase/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"}},"required":["tenant","database"],"additionalProperties":false};

function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2DeleteDatabase/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate30.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))){
validate30.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "database"))){
validate30.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate30.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate30.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate30.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate30.errors = vErrors;
return errors === 0;
}
validate30.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2GetCollectionByCrn_params = validate31;
const schema45 = {"$id":"/op/v2GetCollectionByCrn/params","type":"object","properties":{"crn":{"type":"string"}},"required":["crn"],"additionalProperties":false};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2GetCollectionByCrn/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.crn === undefined) && (missing0 = "crn")){
validate31.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "crn")){
validate31.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.crn !== undefined){
if(typeof data.crn !== "string"){
validate31.errors = [{instancePath:instancePath+"/crn",schemaPath:"#/properties/crn/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate31.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2ListCollections_params = validate32;
const schema46 = {"$id":"/op/v2ListCollections/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"}},"required":["tenant","database"],"additionalProperties":false};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ListCollections/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate32.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))){
validate32.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "database"))){
validate32.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate32.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate32.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate32.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate32.errors = vErrors;
return errors === 0;
}
validate32.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2ListCollections_query = validate33;
const schema47 = {"$id":"/op/v2ListCollections/query","type":"object","properties":{"limit":{"type":"integer","minimum":0,"maximum":4294967295},"offset":{"type":"integer","minimum":0,"maximum":4294967295}}};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ListCollections/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.limit !== undefined){
let data0 = data.limit;
const _errs1 = errors;
if(!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))){
validate33.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs1){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 4294967295 || isNaN(data0)){
validate33.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate33.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.offset !== undefined){
let data1 = data.offset;
const _errs3 = errors;
if(!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))){
validate33.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs3){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 4294967295 || isNaN(data1)){
validate33.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate33.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate33.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":{"limit":true,"offset":true},"dynamicProps":false,"dynamicItems":false};

export const v2CreateCollection_params = validate34;
const schema48 = {"$id":"/op/v2CreateCollection/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"}},"required":["tenant","database"],"additionalProperties":false};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CreateCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))){
validate34.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "database"))){
validate34.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate34.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate34.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CreateCollection_body = validate35;
const schema49 = {"$id":"/op/v2CreateCollection/body","$ref":"/components.json#/$defs/CreateCollection"};
const schema50 = {"type":"object","required":["name"],"properties":{"name":{"type":"string","description":"3-512 characters from [a-zA-Z0-9._-], starting and ending with [a-zA-Z0-9] (checked by the server)."},"configuration":{"anyOf":[{"$ref":"/components.json#/$defs/CollectionConfiguration"},{"type":"null"}],"description":"Collection configuration (e.g. `{\"hnsw\": {\"space\": \"cosine\"}}`). Without `hnsw` and\n`spann`, the legacy `hnsw:*` metadata keys configure the index (as Chroma 1.x). Conflicts\nwith a non-default `schema` (400).\n"},"schema":{"anyOf":[{"$ref":"/components.json#/$defs/Schema"},{"type":"null"}],"description":"Chroma 1.x index schema, merged field by field into the default schema; answered as\n`schema` on every collection. A non-default schema together with a non-default\nconfiguration (including an embedding function given in both) answers 400 \"Cannot set\nboth collection config and schema simultaneously\".\n"},"metadata":{"anyOf":[{"$ref":"/components.json#/$defs/Metadata"},{"type":"null"}]},"get_or_create":{"type":"boolean","default":false}}};
const schema78 = {"type":"object"};
const schema51 = {"type":"object","description":"Configuration given at creation. `hnsw` and `spann` are mutually exclusive (400 \"Multiple\nvector index configurations provided\").\n","properties":{"hnsw":{"anyOf":[{"$ref":"/components.json#/$defs/HnswConfiguration"},{"type":"null"}]},"spann":{"anyOf":[{"$ref":"/components.json#/$defs/SpannConfiguration"},{"type":"null"}]},"embedding_function":{"anyOf":[{"$ref":"/components.json#/$defs/EmbeddingFunctionConfiguration"},{"type":"null"}]}}};
const schema56 = {"description":"How clients embed text for this collection (the server never embeds): `known` names an\nembedding function and its client-side configuration, `legacy` marks one from before Chroma\n1.x configurations, `unknown` an unnamed one. Stored and echoed; clients rebuild the function\nfrom it.\n","oneOf":[{"type":"object","required":["type"],"properties":{"type":{"const":"legacy"}}},{"type":"object","required":["type","name","config"],"properties":{"type":{"const":"known"},"name":{"type":"string"},"config":{"description":"The embedding function's own configuration (any JSON value)."}}},{"type":"object","required":["type"],"properties":{"type":{"const":"unknown"}}}]};
const schema52 = {"type":"object","description":"HNSW parameters at creation (Chroma 1.x `HnswConfiguration`). Omitted fields take the\ndefaults (space l2, ef_construction 100, ef_search 100, max_neighbors 16, resize_factor 1.2,\nsync_threshold 1000, batch_size 100, num_threads = CPU count). Unknown fields and values of\nthe wrong type answer 422, as upstream. chromaspec also refuses (400) values an HNSW graph\ncannot work with: max_neighbors below 2, sync_threshold or batch_size below 2 (upstream's own\nbounds), a resize_factor that is not positive.\n","additionalProperties":false,"properties":{"space":{"anyOf":[{"$ref":"/components.json#/$defs/Space"},{"type":"null"}]},"ef_construction":{"type":["integer","null"],"minimum":0},"ef_search":{"type":["integer","null"],"minimum":0},"max_neighbors":{"type":["integer","null"],"minimum":0},"num_threads":{"type":["integer","null"],"minimum":0},"resize_factor":{"type":["number","null"]},"sync_threshold":{"type":["integer","null"],"minimum":0},"batch_size":{"type":["integer","null"],"minimum":0}}};
const schema53 = {"type":"string","description":"Distance function of the vector index (`l2` squared euclidean, `cosine` 1 - cos, `ip` 1 - dot).","enum":["l2","cosine","ip"]};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate38.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((((((((key0 === "space") || (key0 === "ef_construction")) || (key0 === "ef_search")) || (key0 === "max_neighbors")) || (key0 === "num_threads")) || (key0 === "resize_factor")) || (key0 === "sync_threshold")) || (key0 === "batch_size"))){
validate38.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.space !== undefined){
let data0 = data.space;
const _errs2 = errors;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(typeof data0 !== "string"){
const err0 = {instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!(((data0 === "l2") || (data0 === "cosine")) || (data0 === "ip"))){
const err1 = {instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/enum",keyword:"enum",params:{allowedValues: schema53.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
const _errs7 = errors;
if(data0 !== null){
const err2 = {instancePath:instancePath+"/space",schemaPath:"#/properties/space/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err3 = {instancePath:instancePath+"/space",schemaPath:"#/properties/space/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate38.errors = vErrors;
return false;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ef_construction !== undefined){
let data1 = data.ef_construction;
const _errs9 = errors;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
validate38.errors = [{instancePath:instancePath+"/ef_construction",schemaPath:"#/properties/ef_construction/type",keyword:"type",params:{type: schema52.properties.ef_construction.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs9){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
validate38.errors = [{instancePath:instancePath+"/ef_construction",schemaPath:"#/properties/ef_construction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ef_search !== undefined){
let data2 = data.ef_search;
const _errs11 = errors;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)){
validate38.errors = [{instancePath:instancePath+"/ef_search",schemaPath:"#/properties/ef_search/type",keyword:"type",params:{type: schema52.properties.ef_search.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs11){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
validate38.errors = [{instancePath:instancePath+"/ef_search",schemaPath:"#/properties/ef_search/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_neighbors !== undefined){
let data3 = data.max_neighbors;
const _errs13 = errors;
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (data3 !== null)){
validate38.errors = [{instancePath:instancePath+"/max_neighbors",schemaPath:"#/properties/max_neighbors/type",keyword:"type",params:{type: schema52.properties.max_neighbors.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs13){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate38.errors = [{instancePath:instancePath+"/max_neighbors",schemaPath:"#/properties/max_neighbors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.num_threads !== undefined){
let data4 = data.num_threads;
const _errs15 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate38.errors = [{instancePath:instancePath+"/num_threads",schemaPath:"#/properties/num_threads/type",keyword:"type",params:{type: schema52.properties.num_threads.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs15){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate38.errors = [{instancePath:instancePath+"/num_threads",schemaPath:"#/properties/num_threads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.resize_factor !== undefined){
let data5 = data.resize_factor;
const _errs17 = errors;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
validate38.errors = [{instancePath:instancePath+"/resize_factor",schemaPath:"#/properties/resize_factor/type",keyword:"type",params:{type: schema52.properties.resize_factor.type},message:"must be number,null"}];
return false;
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sync_threshold !== undefined){
let data6 = data.sync_threshold;
const _errs19 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate38.errors = [{instancePath:instancePath+"/sync_threshold",schemaPath:"#/properties/sync_threshold/type",keyword:"type",params:{type: schema52.properties.sync_threshold.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs19){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 0 || isNaN(data6)){
validate38.errors = [{instancePath:instancePath+"/sync_threshold",schemaPath:"#/properties/sync_threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.batch_size !== undefined){
let data7 = data.batch_size;
const _errs21 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
validate38.errors = [{instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/type",keyword:"type",params:{type: schema52.properties.batch_size.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs21){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 0 || isNaN(data7)){
validate38.errors = [{instancePath:instancePath+"/batch_size",schemaPath:"#/properties/batch_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
else {
validate38.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate38.errors = vErrors;
return errors === 0;
}
validate38.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema54 = {"type":"object","description":"SPANN parameters (Chroma 1.x, distributed). A single node indexes with HNSW, as upstream's\nsingle-node server does: the collection gets an HNSW index with the SPANN `space` (default\nl2) and default HNSW parameters, and `configuration_json` answers `hnsw` with `spann: null`.\nThe fields are checked for type (422 otherwise), as upstream.\n","additionalProperties":false,"properties":{"search_nprobe":{"type":["integer","null"],"minimum":0,"maximum":4294967295},"write_nprobe":{"type":["integer","null"],"minimum":0,"maximum":4294967295},"space":{"anyOf":[{"$ref":"/components.json#/$defs/Space"},{"type":"null"}]},"ef_construction":{"type":["integer","null"],"minimum":0},"ef_search":{"type":["integer","null"],"minimum":0},"max_neighbors":{"type":["integer","null"],"minimum":0},"reassign_neighbor_count":{"type":["integer","null"],"minimum":0,"maximum":4294967295},"split_threshold":{"type":["integer","null"],"minimum":0,"maximum":4294967295},"merge_threshold":{"type":["integer","null"],"minimum":0,"maximum":4294967295}}};
const func1 = Object.prototype.hasOwnProperty;

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(func1.call(schema54.properties, key0))){
validate40.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.search_nprobe !== undefined){
let data0 = data.search_nprobe;
const _errs2 = errors;
if((!(((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0))) && (isFinite(data0)))) && (data0 !== null)){
validate40.errors = [{instancePath:instancePath+"/search_nprobe",schemaPath:"#/properties/search_nprobe/type",keyword:"type",params:{type: schema54.properties.search_nprobe.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs2){
if((typeof data0 == "number") && (isFinite(data0))){
if(data0 > 4294967295 || isNaN(data0)){
validate40.errors = [{instancePath:instancePath+"/search_nprobe",schemaPath:"#/properties/search_nprobe/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data0 < 0 || isNaN(data0)){
validate40.errors = [{instancePath:instancePath+"/search_nprobe",schemaPath:"#/properties/search_nprobe/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.write_nprobe !== undefined){
let data1 = data.write_nprobe;
const _errs4 = errors;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
validate40.errors = [{instancePath:instancePath+"/write_nprobe",schemaPath:"#/properties/write_nprobe/type",keyword:"type",params:{type: schema54.properties.write_nprobe.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs4){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 > 4294967295 || isNaN(data1)){
validate40.errors = [{instancePath:instancePath+"/write_nprobe",schemaPath:"#/properties/write_nprobe/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate40.errors = [{instancePath:instancePath+"/write_nprobe",schemaPath:"#/properties/write_nprobe/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.space !== undefined){
let data2 = data.space;
const _errs6 = errors;
const _errs7 = errors;
let valid1 = false;
const _errs8 = errors;
if(typeof data2 !== "string"){
const err0 = {instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(!(((data2 === "l2") || (data2 === "cosine")) || (data2 === "ip"))){
const err1 = {instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/enum",keyword:"enum",params:{allowedValues: schema53.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
const _errs11 = errors;
if(data2 !== null){
const err2 = {instancePath:instancePath+"/space",schemaPath:"#/properties/space/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs11 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err3 = {instancePath:instancePath+"/space",schemaPath:"#/properties/space/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate40.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ef_construction !== undefined){
let data3 = data.ef_construction;
const _errs13 = errors;
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (data3 !== null)){
validate40.errors = [{instancePath:instancePath+"/ef_construction",schemaPath:"#/properties/ef_construction/type",keyword:"type",params:{type: schema54.properties.ef_construction.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs13){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
validate40.errors = [{instancePath:instancePath+"/ef_construction",schemaPath:"#/properties/ef_construction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ef_search !== undefined){
let data4 = data.ef_search;
const _errs15 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate40.errors = [{instancePath:instancePath+"/ef_search",schemaPath:"#/properties/ef_search/type",keyword:"type",params:{type: schema54.properties.ef_search.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs15){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
validate40.errors = [{instancePath:instancePath+"/ef_search",schemaPath:"#/properties/ef_search/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.max_neighbors !== undefined){
let data5 = data.max_neighbors;
const _errs17 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
validate40.errors = [{instancePath:instancePath+"/max_neighbors",schemaPath:"#/properties/max_neighbors/type",keyword:"type",params:{type: schema54.properties.max_neighbors.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs17){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
validate40.errors = [{instancePath:instancePath+"/max_neighbors",schemaPath:"#/properties/max_neighbors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid0 = _errs17 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.reassign_neighbor_count !== undefined){
let data6 = data.reassign_neighbor_count;
const _errs19 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate40.errors = [{instancePath:instancePath+"/reassign_neighbor_count",schemaPath:"#/properties/reassign_neighbor_count/type",keyword:"type",params:{type: schema54.properties.reassign_neighbor_count.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs19){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
validate40.errors = [{instancePath:instancePath+"/reassign_neighbor_count",schemaPath:"#/properties/reassign_neighbor_count/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate40.errors = [{instancePath:instancePath+"/reassign_neighbor_count",schemaPath:"#/properties/reassign_neighbor_count/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.split_threshold !== undefined){
let data7 = data.split_threshold;
const _errs21 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
validate40.errors = [{instancePath:instancePath+"/split_threshold",schemaPath:"#/properties/split_threshold/type",keyword:"type",params:{type: schema54.properties.split_threshold.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs21){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 4294967295 || isNaN(data7)){
validate40.errors = [{instancePath:instancePath+"/split_threshold",schemaPath:"#/properties/split_threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data7 < 0 || isNaN(data7)){
validate40.errors = [{instancePath:instancePath+"/split_threshold",schemaPath:"#/properties/split_threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.merge_threshold !== undefined){
let data8 = data.merge_threshold;
const _errs23 = errors;
if((!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))) && (data8 !== null)){
validate40.errors = [{instancePath:instancePath+"/merge_threshold",schemaPath:"#/properties/merge_threshold/type",keyword:"type",params:{type: schema54.properties.merge_threshold.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs23){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 > 4294967295 || isNaN(data8)){
validate40.errors = [{instancePath:instancePath+"/merge_threshold",schemaPath:"#/properties/merge_threshold/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data8 < 0 || isNaN(data8)){
validate40.errors = [{instancePath:instancePath+"/merge_threshold",schemaPath:"#/properties/merge_threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.hnsw !== undefined){
let data0 = data.hnsw;
const _errs1 = errors;
const _errs2 = errors;
let valid1 = false;
const _errs3 = errors;
if(!(validate38(data0, {instancePath:instancePath+"/hnsw",parentData:data,parentDataProperty:"hnsw",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
var _valid0 = _errs3 === errors;
valid1 = valid1 || _valid0;
const _errs4 = errors;
if(data0 !== null){
const err0 = {instancePath:instancePath+"/hnsw",schemaPath:"#/properties/hnsw/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err1 = {instancePath:instancePath+"/hnsw",schemaPath:"#/properties/hnsw/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate37.errors = vErrors;
return false;
}
else {
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spann !== undefined){
let data1 = data.spann;
const _errs6 = errors;
const _errs7 = errors;
let valid2 = false;
const _errs8 = errors;
if(!(validate40(data1, {instancePath:instancePath+"/spann",parentData:data,parentDataProperty:"spann",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var _valid1 = _errs8 === errors;
valid2 = valid2 || _valid1;
const _errs9 = errors;
if(data1 !== null){
const err2 = {instancePath:instancePath+"/spann",schemaPath:"#/properties/spann/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid1 = _errs9 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const err3 = {instancePath:instancePath+"/spann",schemaPath:"#/properties/spann/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate37.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embedding_function !== undefined){
let data2 = data.embedding_function;
const _errs11 = errors;
const _errs12 = errors;
let valid3 = false;
const _errs13 = errors;
const _errs15 = errors;
let valid5 = false;
let passing0 = null;
const _errs16 = errors;
if(errors === _errs16){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing0;
if((data2.type === undefined) && (missing0 = "type")){
const err4 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
else {
if(data2.type !== undefined){
if("legacy" !== data2.type){
const err5 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "legacy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid3 = _errs16 === errors;
if(_valid3){
valid5 = true;
passing0 = 0;
var props2 = {};
props2.type = true;
}
const _errs19 = errors;
if(errors === _errs19){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing1;
if((((data2.type === undefined) && (missing1 = "type")) || ((data2.name === undefined) && (missing1 = "name"))) || ((data2.config === undefined) && (missing1 = "config"))){
const err7 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data2.type !== undefined){
const _errs21 = errors;
if("known" !== data2.type){
const err8 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "known"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var valid7 = _errs21 === errors;
}
else {
var valid7 = true;
}
if(valid7){
if(data2.name !== undefined){
const _errs22 = errors;
if(typeof data2.name !== "string"){
const err9 = {instancePath:instancePath+"/embedding_function/name",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
var valid7 = _errs22 === errors;
}
else {
var valid7 = true;
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid3 = _errs19 === errors;
if(_valid3 && valid5){
valid5 = false;
passing0 = [passing0, 1];
}
else {
if(_valid3){
valid5 = true;
passing0 = 1;
if(props2 !== true){
props2 = props2 || {};
props2.type = true;
props2.name = true;
props2.config = true;
}
}
const _errs24 = errors;
if(errors === _errs24){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
let missing2;
if((data2.type === undefined) && (missing2 = "type")){
const err11 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
else {
if(data2.type !== undefined){
if("unknown" !== data2.type){
const err12 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "unknown"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
}
else {
const err13 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
var _valid3 = _errs24 === errors;
if(_valid3 && valid5){
valid5 = false;
passing0 = [passing0, 2];
}
else {
if(_valid3){
valid5 = true;
passing0 = 2;
if(props2 !== true){
props2 = props2 || {};
props2.type = true;
}
}
}
}
if(!valid5){
const err14 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
else {
errors = _errs15;
if(vErrors !== null){
if(_errs15){
vErrors.length = _errs15;
}
else {
vErrors = null;
}
}
}
var _valid2 = _errs13 === errors;
valid3 = valid3 || _valid2;
const _errs27 = errors;
if(data2 !== null){
const err15 = {instancePath:instancePath+"/embedding_function",schemaPath:"#/properties/embedding_function/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
var _valid2 = _errs27 === errors;
valid3 = valid3 || _valid2;
if(!valid3){
const err16 = {instancePath:instancePath+"/embedding_function",schemaPath:"#/properties/embedding_function/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
validate37.errors = vErrors;
return false;
}
else {
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs11 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate37.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":{"hnsw":true,"spann":true,"embedding_function":true},"dynamicProps":false,"dynamicItems":false};

const schema57 = {"type":"object","description":"A collection's index schema (Chroma 1.x). `defaults` holds the index settings per value type\nfor every metadata key; `keys` overrides them per key, including the two system keys\n`#document` (full-text index) and `#embedding` (the vector index, carrying the collection's\nspace, HNSW parameters and embedding function). Resolved against upstream's defaults at\ncreation: string / int / float / bool inverted indexes on, full-text search on `#document`,\nthe vector index on `#embedding`, the sparse-vector index off unless enabled on one key.\nKeys first written by a record are added with the defaults' settings. A key whose inverted\nindex is disabled cannot be filtered on with that value type (400).\n","required":["defaults","keys"],"properties":{"defaults":{"$ref":"/components.json#/$defs/ValueTypes"},"keys":{"type":"object","additionalProperties":{"$ref":"/components.json#/$defs/ValueTypes"}}}};
const schema58 = {"type":"object","description":"Index settings per value type (upstream also reads the older names `#string`, `#float_list`, ...).","properties":{"string":{"$ref":"/components.json#/$defs/StringValueType"},"float_list":{"$ref":"/components.json#/$defs/FloatListValueType"},"sparse_vector":{"$ref":"/components.json#/$defs/SparseVectorValueType"},"int":{"$ref":"/components.json#/$defs/IntValueType"},"float":{"$ref":"/components.json#/$defs/FloatValueType"},"bool":{"$ref":"/components.json#/$defs/BoolValueType"}}};
const schema59 = {"type":"object","properties":{"fts_index":{"$ref":"/components.json#/$defs/EmptyConfigIndex"},"string_inverted_index":{"$ref":"/components.json#/$defs/EmptyConfigIndex"}}};
const schema60 = {"type":"object","description":"An index without parameters (full-text, string / int / float / bool inverted), on or off.","required":["enabled","config"],"properties":{"enabled":{"type":"boolean"},"config":{"type":"object","additionalProperties":false}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate45.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.fts_index !== undefined){
let data0 = data.fts_index;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if(((data0.enabled === undefined) && (missing0 = "enabled")) || ((data0.config === undefined) && (missing0 = "config"))){
validate45.errors = [{instancePath:instancePath+"/fts_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data0.enabled !== undefined){
const _errs4 = errors;
if(typeof data0.enabled !== "boolean"){
validate45.errors = [{instancePath:instancePath+"/fts_index/enabled",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.config !== undefined){
let data2 = data0.config;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key0 in data2){
validate45.errors = [{instancePath:instancePath+"/fts_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate45.errors = [{instancePath:instancePath+"/fts_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/fts_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.string_inverted_index !== undefined){
let data3 = data.string_inverted_index;
const _errs9 = errors;
const _errs10 = errors;
if(errors === _errs10){
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
let missing1;
if(((data3.enabled === undefined) && (missing1 = "enabled")) || ((data3.config === undefined) && (missing1 = "config"))){
validate45.errors = [{instancePath:instancePath+"/string_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"}];
return false;
}
else {
if(data3.enabled !== undefined){
const _errs12 = errors;
if(typeof data3.enabled !== "boolean"){
validate45.errors = [{instancePath:instancePath+"/string_inverted_index/enabled",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid4 = _errs12 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data3.config !== undefined){
let data5 = data3.config;
const _errs14 = errors;
if(errors === _errs14){
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
validate45.errors = [{instancePath:instancePath+"/string_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate45.errors = [{instancePath:instancePath+"/string_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid4 = _errs14 === errors;
}
else {
var valid4 = true;
}
}
}
}
else {
validate45.errors = [{instancePath:instancePath+"/string_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate45.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate45.errors = vErrors;
return errors === 0;
}
validate45.evaluated = {"props":{"fts_index":true,"string_inverted_index":true},"dynamicProps":false,"dynamicItems":false};

const schema62 = {"type":"object","properties":{"vector_index":{"$ref":"/components.json#/$defs/VectorIndexType"}}};
const schema63 = {"type":"object","required":["enabled","config"],"properties":{"enabled":{"type":"boolean"},"config":{"$ref":"/components.json#/$defs/VectorIndexConfig"}}};
const schema64 = {"type":"object","additionalProperties":false,"properties":{"space":{"$ref":"/components.json#/$defs/Space"},"embedding_function":{"$ref":"/components.json#/$defs/EmbeddingFunctionConfiguration"},"source_key":{"type":"string"},"hnsw":{"$ref":"/components.json#/$defs/HnswIndexConfig"},"spann":{"type":"object","description":"SPANN parameters (distributed Chroma; a single node keeps HNSW and drops these, as upstream)."}}};
const schema67 = {"type":"object","additionalProperties":false,"properties":{"ef_construction":{"type":"integer","minimum":0},"max_neighbors":{"type":"integer","minimum":0},"ef_search":{"type":"integer","minimum":0},"num_threads":{"type":"integer","minimum":0},"batch_size":{"type":"integer","minimum":0},"sync_threshold":{"type":"integer","minimum":0},"resize_factor":{"type":"number"}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!(((((key0 === "space") || (key0 === "embedding_function")) || (key0 === "source_key")) || (key0 === "hnsw")) || (key0 === "spann"))){
validate49.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.space !== undefined){
let data0 = data.space;
const _errs2 = errors;
if(typeof data0 !== "string"){
validate49.errors = [{instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((data0 === "l2") || (data0 === "cosine")) || (data0 === "ip"))){
validate49.errors = [{instancePath:instancePath+"/space",schemaPath:"/components.json#/$defs/Space/enum",keyword:"enum",params:{allowedValues: schema53.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embedding_function !== undefined){
let data1 = data.embedding_function;
const _errs5 = errors;
const _errs7 = errors;
let valid3 = false;
let passing0 = null;
const _errs8 = errors;
if(errors === _errs8){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing0;
if((data1.type === undefined) && (missing0 = "type")){
const err0 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data1.type !== undefined){
if("legacy" !== data1.type){
const err1 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "legacy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
var props0 = {};
props0.type = true;
}
const _errs11 = errors;
if(errors === _errs11){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing1;
if((((data1.type === undefined) && (missing1 = "type")) || ((data1.name === undefined) && (missing1 = "name"))) || ((data1.config === undefined) && (missing1 = "config"))){
const err3 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data1.type !== undefined){
const _errs13 = errors;
if("known" !== data1.type){
const err4 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "known"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid5 = _errs13 === errors;
}
else {
var valid5 = true;
}
if(valid5){
if(data1.name !== undefined){
const _errs14 = errors;
if(typeof data1.name !== "string"){
const err5 = {instancePath:instancePath+"/embedding_function/name",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid5 = _errs14 === errors;
}
else {
var valid5 = true;
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.name = true;
props0.config = true;
}
}
const _errs16 = errors;
if(errors === _errs16){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
let missing2;
if((data1.type === undefined) && (missing2 = "type")){
const err7 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data1.type !== undefined){
if("unknown" !== data1.type){
const err8 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "unknown"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs16 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid3 = true;
passing0 = 2;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
}
}
}
if(!valid3){
const err10 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate49.errors = vErrors;
return false;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source_key !== undefined){
const _errs19 = errors;
if(typeof data.source_key !== "string"){
validate49.errors = [{instancePath:instancePath+"/source_key",schemaPath:"#/properties/source_key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.hnsw !== undefined){
let data7 = data.hnsw;
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
const _errs24 = errors;
for(const key1 in data7){
if(!(((((((key1 === "ef_construction") || (key1 === "max_neighbors")) || (key1 === "ef_search")) || (key1 === "num_threads")) || (key1 === "batch_size")) || (key1 === "sync_threshold")) || (key1 === "resize_factor"))){
validate49.errors = [{instancePath:instancePath+"/hnsw",schemaPath:"/components.json#/$defs/HnswIndexConfig/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs24 === errors){
if(data7.ef_construction !== undefined){
let data8 = data7.ef_construction;
const _errs25 = errors;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/ef_construction",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/ef_construction/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs25){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
validate49.errors = [{instancePath:instancePath+"/hnsw/ef_construction",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/ef_construction/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs25 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.max_neighbors !== undefined){
let data9 = data7.max_neighbors;
const _errs27 = errors;
if(!(((typeof data9 == "number") && (!(data9 % 1) && !isNaN(data9))) && (isFinite(data9)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/max_neighbors",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/max_neighbors/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs27){
if((typeof data9 == "number") && (isFinite(data9))){
if(data9 < 0 || isNaN(data9)){
validate49.errors = [{instancePath:instancePath+"/hnsw/max_neighbors",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/max_neighbors/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs27 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.ef_search !== undefined){
let data10 = data7.ef_search;
const _errs29 = errors;
if(!(((typeof data10 == "number") && (!(data10 % 1) && !isNaN(data10))) && (isFinite(data10)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/ef_search",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/ef_search/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs29){
if((typeof data10 == "number") && (isFinite(data10))){
if(data10 < 0 || isNaN(data10)){
validate49.errors = [{instancePath:instancePath+"/hnsw/ef_search",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/ef_search/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs29 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.num_threads !== undefined){
let data11 = data7.num_threads;
const _errs31 = errors;
if(!(((typeof data11 == "number") && (!(data11 % 1) && !isNaN(data11))) && (isFinite(data11)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/num_threads",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/num_threads/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs31){
if((typeof data11 == "number") && (isFinite(data11))){
if(data11 < 0 || isNaN(data11)){
validate49.errors = [{instancePath:instancePath+"/hnsw/num_threads",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/num_threads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs31 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.batch_size !== undefined){
let data12 = data7.batch_size;
const _errs33 = errors;
if(!(((typeof data12 == "number") && (!(data12 % 1) && !isNaN(data12))) && (isFinite(data12)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/batch_size",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/batch_size/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs33){
if((typeof data12 == "number") && (isFinite(data12))){
if(data12 < 0 || isNaN(data12)){
validate49.errors = [{instancePath:instancePath+"/hnsw/batch_size",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/batch_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs33 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.sync_threshold !== undefined){
let data13 = data7.sync_threshold;
const _errs35 = errors;
if(!(((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13))) && (isFinite(data13)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/sync_threshold",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/sync_threshold/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs35){
if((typeof data13 == "number") && (isFinite(data13))){
if(data13 < 0 || isNaN(data13)){
validate49.errors = [{instancePath:instancePath+"/hnsw/sync_threshold",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/sync_threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
var valid8 = _errs35 === errors;
}
else {
var valid8 = true;
}
if(valid8){
if(data7.resize_factor !== undefined){
let data14 = data7.resize_factor;
const _errs37 = errors;
if(!((typeof data14 == "number") && (isFinite(data14)))){
validate49.errors = [{instancePath:instancePath+"/hnsw/resize_factor",schemaPath:"/components.json#/$defs/HnswIndexConfig/properties/resize_factor/type",keyword:"type",params:{type: "number"},message:"must be number"}];
return false;
}
var valid8 = _errs37 === errors;
}
else {
var valid8 = true;
}
}
}
}
}
}
}
}
}
else {
validate49.errors = [{instancePath:instancePath+"/hnsw",schemaPath:"/components.json#/$defs/HnswIndexConfig/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spann !== undefined){
let data15 = data.spann;
const _errs39 = errors;
if(!(data15 && typeof data15 == "object" && !Array.isArray(data15))){
validate49.errors = [{instancePath:instancePath+"/spann",schemaPath:"#/properties/spann/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
var valid0 = _errs39 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate48(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate48.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.enabled === undefined) && (missing0 = "enabled")) || ((data.config === undefined) && (missing0 = "config"))){
validate48.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.enabled !== undefined){
const _errs1 = errors;
if(typeof data.enabled !== "boolean"){
validate48.errors = [{instancePath:instancePath+"/enabled",schemaPath:"#/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.config !== undefined){
const _errs3 = errors;
if(!(validate49(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate49.errors : vErrors.concat(validate49.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate48.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate48.errors = vErrors;
return errors === 0;
}
validate48.evaluated = {"props":{"enabled":true,"config":true},"dynamicProps":false,"dynamicItems":false};


function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate47.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.vector_index !== undefined){
if(!(validate48(data.vector_index, {instancePath:instancePath+"/vector_index",parentData:data,parentDataProperty:"vector_index",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate48.errors : vErrors.concat(validate48.errors);
errors = vErrors.length;
}
}
}
else {
validate47.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate47.errors = vErrors;
return errors === 0;
}
validate47.evaluated = {"props":{"vector_index":true},"dynamicProps":false,"dynamicItems":false};

const schema68 = {"type":"object","properties":{"sparse_vector_index":{"$ref":"/components.json#/$defs/SparseVectorIndexType"}}};
const schema69 = {"type":"object","required":["enabled","config"],"properties":{"enabled":{"type":"boolean"},"config":{"$ref":"/components.json#/$defs/SparseVectorIndexConfig"}}};
const schema70 = {"type":"object","additionalProperties":false,"properties":{"embedding_function":{"$ref":"/components.json#/$defs/EmbeddingFunctionConfiguration"},"source_key":{"type":"string"},"bm25":{"type":"boolean"},"algorithm":{"type":"string","enum":["wand","max_score"]}}};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
const _errs1 = errors;
for(const key0 in data){
if(!((((key0 === "embedding_function") || (key0 === "source_key")) || (key0 === "bm25")) || (key0 === "algorithm"))){
validate55.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.embedding_function !== undefined){
let data0 = data.embedding_function;
const _errs2 = errors;
const _errs4 = errors;
let valid2 = false;
let passing0 = null;
const _errs5 = errors;
if(errors === _errs5){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if((data0.type === undefined) && (missing0 = "type")){
const err0 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data0.type !== undefined){
if("legacy" !== data0.type){
const err1 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "legacy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
else {
const err2 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var _valid0 = _errs5 === errors;
if(_valid0){
valid2 = true;
passing0 = 0;
var props0 = {};
props0.type = true;
}
const _errs8 = errors;
if(errors === _errs8){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing1;
if((((data0.type === undefined) && (missing1 = "type")) || ((data0.name === undefined) && (missing1 = "name"))) || ((data0.config === undefined) && (missing1 = "config"))){
const err3 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data0.type !== undefined){
const _errs10 = errors;
if("known" !== data0.type){
const err4 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "known"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var valid4 = _errs10 === errors;
}
else {
var valid4 = true;
}
if(valid4){
if(data0.name !== undefined){
const _errs11 = errors;
if(typeof data0.name !== "string"){
const err5 = {instancePath:instancePath+"/embedding_function/name",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid4 = _errs11 === errors;
}
else {
var valid4 = true;
}
}
}
}
else {
const err6 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs8 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid2 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
props0.name = true;
props0.config = true;
}
}
const _errs13 = errors;
if(errors === _errs13){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing2;
if((data0.type === undefined) && (missing2 = "type")){
const err7 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
else {
if(data0.type !== undefined){
if("unknown" !== data0.type){
const err8 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "unknown"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
}
else {
const err9 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
var _valid0 = _errs13 === errors;
if(_valid0 && valid2){
valid2 = false;
passing0 = [passing0, 2];
}
else {
if(_valid0){
valid2 = true;
passing0 = 2;
if(props0 !== true){
props0 = props0 || {};
props0.type = true;
}
}
}
}
if(!valid2){
const err10 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
validate55.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.source_key !== undefined){
const _errs16 = errors;
if(typeof data.source_key !== "string"){
validate55.errors = [{instancePath:instancePath+"/source_key",schemaPath:"#/properties/source_key/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bm25 !== undefined){
const _errs18 = errors;
if(typeof data.bm25 !== "boolean"){
validate55.errors = [{instancePath:instancePath+"/bm25",schemaPath:"#/properties/bm25/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.algorithm !== undefined){
let data7 = data.algorithm;
const _errs20 = errors;
if(typeof data7 !== "string"){
validate55.errors = [{instancePath:instancePath+"/algorithm",schemaPath:"#/properties/algorithm/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!((data7 === "wand") || (data7 === "max_score"))){
validate55.errors = [{instancePath:instancePath+"/algorithm",schemaPath:"#/properties/algorithm/enum",keyword:"enum",params:{allowedValues: schema70.properties.algorithm.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.enabled === undefined) && (missing0 = "enabled")) || ((data.config === undefined) && (missing0 = "config"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.enabled !== undefined){
const _errs1 = errors;
if(typeof data.enabled !== "boolean"){
validate54.errors = [{instancePath:instancePath+"/enabled",schemaPath:"#/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.config !== undefined){
const _errs3 = errors;
if(!(validate55(data.config, {instancePath:instancePath+"/config",parentData:data,parentDataProperty:"config",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate55.errors : vErrors.concat(validate55.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":{"enabled":true,"config":true},"dynamicProps":false,"dynamicItems":false};


function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sparse_vector_index !== undefined){
if(!(validate54(data.sparse_vector_index, {instancePath:instancePath+"/sparse_vector_index",parentData:data,parentDataProperty:"sparse_vector_index",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate54.errors : vErrors.concat(validate54.errors);
errors = vErrors.length;
}
}
}
else {
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"props":{"sparse_vector_index":true},"dynamicProps":false,"dynamicItems":false};

const schema72 = {"type":"object","properties":{"int_inverted_index":{"$ref":"/components.json#/$defs/EmptyConfigIndex"}}};

function validate59(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate59.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.int_inverted_index !== undefined){
let data0 = data.int_inverted_index;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if(((data0.enabled === undefined) && (missing0 = "enabled")) || ((data0.config === undefined) && (missing0 = "config"))){
validate59.errors = [{instancePath:instancePath+"/int_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data0.enabled !== undefined){
const _errs4 = errors;
if(typeof data0.enabled !== "boolean"){
validate59.errors = [{instancePath:instancePath+"/int_inverted_index/enabled",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.config !== undefined){
let data2 = data0.config;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key0 in data2){
validate59.errors = [{instancePath:instancePath+"/int_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate59.errors = [{instancePath:instancePath+"/int_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate59.errors = [{instancePath:instancePath+"/int_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
else {
validate59.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate59.errors = vErrors;
return errors === 0;
}
validate59.evaluated = {"props":{"int_inverted_index":true},"dynamicProps":false,"dynamicItems":false};

const schema74 = {"type":"object","properties":{"float_inverted_index":{"$ref":"/components.json#/$defs/EmptyConfigIndex"}}};

function validate61(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate61.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.float_inverted_index !== undefined){
let data0 = data.float_inverted_index;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if(((data0.enabled === undefined) && (missing0 = "enabled")) || ((data0.config === undefined) && (missing0 = "config"))){
validate61.errors = [{instancePath:instancePath+"/float_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data0.enabled !== undefined){
const _errs4 = errors;
if(typeof data0.enabled !== "boolean"){
validate61.errors = [{instancePath:instancePath+"/float_inverted_index/enabled",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.config !== undefined){
let data2 = data0.config;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key0 in data2){
validate61.errors = [{instancePath:instancePath+"/float_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate61.errors = [{instancePath:instancePath+"/float_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate61.errors = [{instancePath:instancePath+"/float_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
else {
validate61.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate61.errors = vErrors;
return errors === 0;
}
validate61.evaluated = {"props":{"float_inverted_index":true},"dynamicProps":false,"dynamicItems":false};

const schema76 = {"type":"object","properties":{"bool_inverted_index":{"$ref":"/components.json#/$defs/EmptyConfigIndex"}}};

function validate63(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate63.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.bool_inverted_index !== undefined){
let data0 = data.bool_inverted_index;
const _errs2 = errors;
if(errors === _errs2){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
let missing0;
if(((data0.enabled === undefined) && (missing0 = "enabled")) || ((data0.config === undefined) && (missing0 = "config"))){
validate63.errors = [{instancePath:instancePath+"/bool_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data0.enabled !== undefined){
const _errs4 = errors;
if(typeof data0.enabled !== "boolean"){
validate63.errors = [{instancePath:instancePath+"/bool_inverted_index/enabled",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid2 = _errs4 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data0.config !== undefined){
let data2 = data0.config;
const _errs6 = errors;
if(errors === _errs6){
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key0 in data2){
validate63.errors = [{instancePath:instancePath+"/bool_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
else {
validate63.errors = [{instancePath:instancePath+"/bool_inverted_index/config",schemaPath:"/components.json#/$defs/EmptyConfigIndex/properties/config/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid2 = _errs6 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
validate63.errors = [{instancePath:instancePath+"/bool_inverted_index",schemaPath:"/components.json#/$defs/EmptyConfigIndex/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
}
}
else {
validate63.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate63.errors = vErrors;
return errors === 0;
}
validate63.evaluated = {"props":{"bool_inverted_index":true},"dynamicProps":false,"dynamicItems":false};


function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.string !== undefined){
const _errs1 = errors;
if(!(validate45(data.string, {instancePath:instancePath+"/string",parentData:data,parentDataProperty:"string",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.float_list !== undefined){
const _errs2 = errors;
if(!(validate47(data.float_list, {instancePath:instancePath+"/float_list",parentData:data,parentDataProperty:"float_list",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
errors = vErrors.length;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sparse_vector !== undefined){
const _errs3 = errors;
if(!(validate53(data.sparse_vector, {instancePath:instancePath+"/sparse_vector",parentData:data,parentDataProperty:"sparse_vector",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
errors = vErrors.length;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.int !== undefined){
const _errs4 = errors;
if(!(validate59(data.int, {instancePath:instancePath+"/int",parentData:data,parentDataProperty:"int",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate59.errors : vErrors.concat(validate59.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.float !== undefined){
const _errs5 = errors;
if(!(validate61(data.float, {instancePath:instancePath+"/float",parentData:data,parentDataProperty:"float",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate61.errors : vErrors.concat(validate61.errors);
errors = vErrors.length;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.bool !== undefined){
const _errs6 = errors;
if(!(validate63(data.bool, {instancePath:instancePath+"/bool",parentData:data,parentDataProperty:"bool",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate63.errors : vErrors.concat(validate63.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":{"string":true,"float_list":true,"sparse_vector":true,"int":true,"float":true,"bool":true},"dynamicProps":false,"dynamicItems":false};


function validate43(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate43.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.defaults === undefined) && (missing0 = "defaults")) || ((data.keys === undefined) && (missing0 = "keys"))){
validate43.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.defaults !== undefined){
const _errs1 = errors;
if(!(validate44(data.defaults, {instancePath:instancePath+"/defaults",parentData:data,parentDataProperty:"defaults",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.keys !== undefined){
let data1 = data.keys;
const _errs2 = errors;
if(errors === _errs2){
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key0 in data1){
const _errs5 = errors;
if(!(validate44(data1[key0], {instancePath:instancePath+"/keys/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data1,parentDataProperty:key0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate44.errors : vErrors.concat(validate44.errors);
errors = vErrors.length;
}
var valid1 = _errs5 === errors;
if(!valid1){
break;
}
}
}
else {
validate43.errors = [{instancePath:instancePath+"/keys",schemaPath:"#/properties/keys/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate43.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate43.errors = vErrors;
return errors === 0;
}
validate43.evaluated = {"props":{"defaults":true,"keys":true},"dynamicProps":false,"dynamicItems":false};


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate36.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate36.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
const _errs1 = errors;
if(typeof data.name !== "string"){
validate36.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.configuration !== undefined){
let data1 = data.configuration;
const _errs3 = errors;
const _errs4 = errors;
let valid1 = false;
const _errs5 = errors;
if(!(validate37(data1, {instancePath:instancePath+"/configuration",parentData:data,parentDataProperty:"configuration",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var props0 = {};
props0.hnsw = true;
props0.spann = true;
props0.embedding_function = true;
}
const _errs6 = errors;
if(data1 !== null){
const err0 = {instancePath:instancePath+"/configuration",schemaPath:"#/properties/configuration/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err1 = {instancePath:instancePath+"/configuration",schemaPath:"#/properties/configuration/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate36.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.schema !== undefined){
let data2 = data.schema;
const _errs8 = errors;
const _errs9 = errors;
let valid2 = false;
const _errs10 = errors;
if(!(validate43(data2, {instancePath:instancePath+"/schema",parentData:data,parentDataProperty:"schema",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid2 = valid2 || _valid1;
if(_valid1){
var props1 = {};
props1.defaults = true;
props1.keys = true;
}
const _errs11 = errors;
if(data2 !== null){
const err2 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid1 = _errs11 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const err3 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate36.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data3 = data.metadata;
const _errs13 = errors;
const _errs14 = errors;
let valid3 = false;
const _errs15 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid2 = _errs15 === errors;
valid3 = valid3 || _valid2;
const _errs18 = errors;
if(data3 !== null){
const err5 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid2 = _errs18 === errors;
valid3 = valid3 || _valid2;
if(!valid3){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate36.errors = vErrors;
return false;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.get_or_create !== undefined){
const _errs20 = errors;
if(typeof data.get_or_create !== "boolean"){
validate36.errors = [{instancePath:instancePath+"/get_or_create",schemaPath:"#/properties/get_or_create/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate36.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate36.errors = vErrors;
return errors === 0;
}
validate36.evaluated = {"props":{"name":true,"configuration":true,"schema":true,"metadata":true,"get_or_create":true},"dynamicProps":false,"dynamicItems":false};


function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CreateCollection/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate36(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
validate35.errors = vErrors;
return errors === 0;
}
validate35.evaluated = {"props":{"name":true,"configuration":true,"schema":true,"metadata":true,"get_or_create":true},"dynamicProps":false,"dynamicItems":false};

export const v2CountCollections_params = validate69;
const schema79 = {"$id":"/op/v2CountCollections/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"}},"required":["tenant","database"],"additionalProperties":false};

function validate69(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CountCollections/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate69.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))){
validate69.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!((key0 === "tenant") || (key0 === "database"))){
validate69.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate69.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate69.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate69.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate69.errors = vErrors;
return errors === 0;
}
validate69.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2GetCollection_params = validate70;
const schema80 = {"$id":"/op/v2GetCollection/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate70(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2GetCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate70.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate70.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate70.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate70.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate70.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate70.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate70.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate70.errors = vErrors;
return errors === 0;
}
validate70.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2UpdateCollection_params = validate71;
const schema81 = {"$id":"/op/v2UpdateCollection/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate71(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2UpdateCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate71.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate71.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate71.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate71.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate71.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate71.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate71.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate71.errors = vErrors;
return errors === 0;
}
validate71.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2UpdateCollection_body = validate72;
const schema82 = {"$id":"/op/v2UpdateCollection/body","$ref":"/components.json#/$defs/UpdateCollection"};
const schema83 = {"type":"object","properties":{"new_name":{"type":["string","null"]},"new_metadata":{"anyOf":[{"$ref":"/components.json#/$defs/Metadata"},{"type":"null"}]},"new_configuration":{"anyOf":[{"$ref":"/components.json#/$defs/UpdateCollectionConfiguration"},{"type":"null"}],"description":"Chroma 1.x; merged into `configuration_json` and the schema (e.g. `{\"hnsw\": {\"ef_search\": 50}}`)."}}};
const schema85 = {"type":"object","description":"Configuration changes of a modify; `hnsw` and `spann` are mutually exclusive (400).","properties":{"hnsw":{"anyOf":[{"$ref":"/components.json#/$defs/UpdateHnswConfiguration"},{"type":"null"}]},"spann":{"anyOf":[{"$ref":"/components.json#/$defs/UpdateSpannConfiguration"},{"type":"null"}]},"embedding_function":{"anyOf":[{"$ref":"/components.json#/$defs/EmbeddingFunctionConfiguration"},{"type":"null"}]}}};
const schema86 = {"type":"object","description":"HNSW parameters a modify may change: search-time and write-batching knobs. The graph's shape\n(`space`, `ef_construction`, `max_neighbors`) is fixed at creation: those fields answer 422\n(upstream's server takes `max_neighbors` here and does not rebuild the graph; chromaspec and\nthe official Python client's `UpdateHNSWConfiguration` do not offer it).\n","additionalProperties":false,"properties":{"ef_search":{"type":["integer","null"],"minimum":0},"num_threads":{"type":["integer","null"],"minimum":0},"resize_factor":{"type":["number","null"]},"sync_threshold":{"type":["integer","null"],"minimum":0},"batch_size":{"type":["integer","null"],"minimum":0}}};
const schema87 = {"type":"object","description":"SPANN search knobs a modify may change (accepted for compatibility; a single node indexes with HNSW).","additionalProperties":false,"properties":{"search_nprobe":{"type":["integer","null"],"minimum":0,"maximum":4294967295},"ef_search":{"type":["integer","null"],"minimum":0}}};

function validate74(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate74.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.hnsw !== undefined){
let data0 = data.hnsw;
const _errs1 = errors;
const _errs2 = errors;
let valid1 = false;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
const _errs6 = errors;
for(const key0 in data0){
if(!(((((key0 === "ef_search") || (key0 === "num_threads")) || (key0 === "resize_factor")) || (key0 === "sync_threshold")) || (key0 === "batch_size"))){
const err0 = {instancePath:instancePath+"/hnsw",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
break;
}
}
if(_errs6 === errors){
if(data0.ef_search !== undefined){
let data1 = data0.ef_search;
const _errs7 = errors;
if((!(((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1))) && (isFinite(data1)))) && (data1 !== null)){
const err1 = {instancePath:instancePath+"/hnsw/ef_search",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/ef_search/type",keyword:"type",params:{type: schema86.properties.ef_search.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(errors === _errs7){
if((typeof data1 == "number") && (isFinite(data1))){
if(data1 < 0 || isNaN(data1)){
const err2 = {instancePath:instancePath+"/hnsw/ef_search",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/ef_search/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
}
var valid3 = _errs7 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data0.num_threads !== undefined){
let data2 = data0.num_threads;
const _errs9 = errors;
if((!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))) && (data2 !== null)){
const err3 = {instancePath:instancePath+"/hnsw/num_threads",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/num_threads/type",keyword:"type",params:{type: schema86.properties.num_threads.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(errors === _errs9){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 < 0 || isNaN(data2)){
const err4 = {instancePath:instancePath+"/hnsw/num_threads",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/num_threads/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
var valid3 = _errs9 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data0.resize_factor !== undefined){
let data3 = data0.resize_factor;
const _errs11 = errors;
if((!((typeof data3 == "number") && (isFinite(data3)))) && (data3 !== null)){
const err5 = {instancePath:instancePath+"/hnsw/resize_factor",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/resize_factor/type",keyword:"type",params:{type: schema86.properties.resize_factor.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var valid3 = _errs11 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data0.sync_threshold !== undefined){
let data4 = data0.sync_threshold;
const _errs13 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
const err6 = {instancePath:instancePath+"/hnsw/sync_threshold",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/sync_threshold/type",keyword:"type",params:{type: schema86.properties.sync_threshold.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(errors === _errs13){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 < 0 || isNaN(data4)){
const err7 = {instancePath:instancePath+"/hnsw/sync_threshold",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/sync_threshold/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
var valid3 = _errs13 === errors;
}
else {
var valid3 = true;
}
if(valid3){
if(data0.batch_size !== undefined){
let data5 = data0.batch_size;
const _errs15 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
const err8 = {instancePath:instancePath+"/hnsw/batch_size",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/batch_size/type",keyword:"type",params:{type: schema86.properties.batch_size.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(errors === _errs15){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err9 = {instancePath:instancePath+"/hnsw/batch_size",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/properties/batch_size/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
var valid3 = _errs15 === errors;
}
else {
var valid3 = true;
}
}
}
}
}
}
}
else {
const err10 = {instancePath:instancePath+"/hnsw",schemaPath:"/components.json#/$defs/UpdateHnswConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
var _valid0 = _errs3 === errors;
valid1 = valid1 || _valid0;
const _errs17 = errors;
if(data0 !== null){
const err11 = {instancePath:instancePath+"/hnsw",schemaPath:"#/properties/hnsw/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
var _valid0 = _errs17 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err12 = {instancePath:instancePath+"/hnsw",schemaPath:"#/properties/hnsw/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
validate74.errors = vErrors;
return false;
}
else {
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.spann !== undefined){
let data6 = data.spann;
const _errs19 = errors;
const _errs20 = errors;
let valid4 = false;
const _errs21 = errors;
const _errs22 = errors;
if(errors === _errs22){
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
const _errs24 = errors;
for(const key1 in data6){
if(!((key1 === "search_nprobe") || (key1 === "ef_search"))){
const err13 = {instancePath:instancePath+"/spann",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
break;
}
}
if(_errs24 === errors){
if(data6.search_nprobe !== undefined){
let data7 = data6.search_nprobe;
const _errs25 = errors;
if((!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))) && (data7 !== null)){
const err14 = {instancePath:instancePath+"/spann/search_nprobe",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/properties/search_nprobe/type",keyword:"type",params:{type: schema87.properties.search_nprobe.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(errors === _errs25){
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 > 4294967295 || isNaN(data7)){
const err15 = {instancePath:instancePath+"/spann/search_nprobe",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/properties/search_nprobe/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
else {
if(data7 < 0 || isNaN(data7)){
const err16 = {instancePath:instancePath+"/spann/search_nprobe",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/properties/search_nprobe/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
}
var valid6 = _errs25 === errors;
}
else {
var valid6 = true;
}
if(valid6){
if(data6.ef_search !== undefined){
let data8 = data6.ef_search;
const _errs27 = errors;
if((!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))) && (data8 !== null)){
const err17 = {instancePath:instancePath+"/spann/ef_search",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/properties/ef_search/type",keyword:"type",params:{type: schema87.properties.ef_search.type},message:"must be integer,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(errors === _errs27){
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err18 = {instancePath:instancePath+"/spann/ef_search",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/properties/ef_search/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
var valid6 = _errs27 === errors;
}
else {
var valid6 = true;
}
}
}
}
else {
const err19 = {instancePath:instancePath+"/spann",schemaPath:"/components.json#/$defs/UpdateSpannConfiguration/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
var _valid1 = _errs21 === errors;
valid4 = valid4 || _valid1;
const _errs29 = errors;
if(data6 !== null){
const err20 = {instancePath:instancePath+"/spann",schemaPath:"#/properties/spann/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid1 = _errs29 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err21 = {instancePath:instancePath+"/spann",schemaPath:"#/properties/spann/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
validate74.errors = vErrors;
return false;
}
else {
errors = _errs20;
if(vErrors !== null){
if(_errs20){
vErrors.length = _errs20;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embedding_function !== undefined){
let data9 = data.embedding_function;
const _errs31 = errors;
const _errs32 = errors;
let valid7 = false;
const _errs33 = errors;
const _errs35 = errors;
let valid9 = false;
let passing0 = null;
const _errs36 = errors;
if(errors === _errs36){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing0;
if((data9.type === undefined) && (missing0 = "type")){
const err22 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
if(data9.type !== undefined){
if("legacy" !== data9.type){
const err23 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/properties/type/const",keyword:"const",params:{allowedValue: "legacy"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
}
else {
const err24 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/0/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
var _valid3 = _errs36 === errors;
if(_valid3){
valid9 = true;
passing0 = 0;
var props2 = {};
props2.type = true;
}
const _errs39 = errors;
if(errors === _errs39){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing1;
if((((data9.type === undefined) && (missing1 = "type")) || ((data9.name === undefined) && (missing1 = "name"))) || ((data9.config === undefined) && (missing1 = "config"))){
const err25 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/required",keyword:"required",params:{missingProperty: missing1},message:"must have required property '"+missing1+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
else {
if(data9.type !== undefined){
const _errs41 = errors;
if("known" !== data9.type){
const err26 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/type/const",keyword:"const",params:{allowedValue: "known"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
var valid11 = _errs41 === errors;
}
else {
var valid11 = true;
}
if(valid11){
if(data9.name !== undefined){
const _errs42 = errors;
if(typeof data9.name !== "string"){
const err27 = {instancePath:instancePath+"/embedding_function/name",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
var valid11 = _errs42 === errors;
}
else {
var valid11 = true;
}
}
}
}
else {
const err28 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
var _valid3 = _errs39 === errors;
if(_valid3 && valid9){
valid9 = false;
passing0 = [passing0, 1];
}
else {
if(_valid3){
valid9 = true;
passing0 = 1;
if(props2 !== true){
props2 = props2 || {};
props2.type = true;
props2.name = true;
props2.config = true;
}
}
const _errs44 = errors;
if(errors === _errs44){
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
let missing2;
if((data9.type === undefined) && (missing2 = "type")){
const err29 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/required",keyword:"required",params:{missingProperty: missing2},message:"must have required property '"+missing2+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
else {
if(data9.type !== undefined){
if("unknown" !== data9.type){
const err30 = {instancePath:instancePath+"/embedding_function/type",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/properties/type/const",keyword:"const",params:{allowedValue: "unknown"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
}
else {
const err31 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf/2/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
var _valid3 = _errs44 === errors;
if(_valid3 && valid9){
valid9 = false;
passing0 = [passing0, 2];
}
else {
if(_valid3){
valid9 = true;
passing0 = 2;
if(props2 !== true){
props2 = props2 || {};
props2.type = true;
}
}
}
}
if(!valid9){
const err32 = {instancePath:instancePath+"/embedding_function",schemaPath:"/components.json#/$defs/EmbeddingFunctionConfiguration/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
errors = _errs35;
if(vErrors !== null){
if(_errs35){
vErrors.length = _errs35;
}
else {
vErrors = null;
}
}
}
var _valid2 = _errs33 === errors;
valid7 = valid7 || _valid2;
const _errs47 = errors;
if(data9 !== null){
const err33 = {instancePath:instancePath+"/embedding_function",schemaPath:"#/properties/embedding_function/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid2 = _errs47 === errors;
valid7 = valid7 || _valid2;
if(!valid7){
const err34 = {instancePath:instancePath+"/embedding_function",schemaPath:"#/properties/embedding_function/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
validate74.errors = vErrors;
return false;
}
else {
errors = _errs32;
if(vErrors !== null){
if(_errs32){
vErrors.length = _errs32;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs31 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate74.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate74.errors = vErrors;
return errors === 0;
}
validate74.evaluated = {"props":{"hnsw":true,"spann":true,"embedding_function":true},"dynamicProps":false,"dynamicItems":false};


function validate73(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate73.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.new_name !== undefined){
let data0 = data.new_name;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate73.errors = [{instancePath:instancePath+"/new_name",schemaPath:"#/properties/new_name/type",keyword:"type",params:{type: schema83.properties.new_name.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.new_metadata !== undefined){
let data1 = data.new_metadata;
const _errs3 = errors;
const _errs4 = errors;
let valid1 = false;
const _errs5 = errors;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err0 = {instancePath:instancePath+"/new_metadata",schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
const _errs8 = errors;
if(data1 !== null){
const err1 = {instancePath:instancePath+"/new_metadata",schemaPath:"#/properties/new_metadata/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err2 = {instancePath:instancePath+"/new_metadata",schemaPath:"#/properties/new_metadata/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate73.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.new_configuration !== undefined){
let data2 = data.new_configuration;
const _errs10 = errors;
const _errs11 = errors;
let valid3 = false;
const _errs12 = errors;
if(!(validate74(data2, {instancePath:instancePath+"/new_configuration",parentData:data,parentDataProperty:"new_configuration",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
errors = vErrors.length;
}
var _valid1 = _errs12 === errors;
valid3 = valid3 || _valid1;
if(_valid1){
var props0 = {};
props0.hnsw = true;
props0.spann = true;
props0.embedding_function = true;
}
const _errs13 = errors;
if(data2 !== null){
const err3 = {instancePath:instancePath+"/new_configuration",schemaPath:"#/properties/new_configuration/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs13 === errors;
valid3 = valid3 || _valid1;
if(!valid3){
const err4 = {instancePath:instancePath+"/new_configuration",schemaPath:"#/properties/new_configuration/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate73.errors = vErrors;
return false;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate73.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate73.errors = vErrors;
return errors === 0;
}
validate73.evaluated = {"props":{"new_name":true,"new_metadata":true,"new_configuration":true},"dynamicProps":false,"dynamicItems":false};


function validate72(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2UpdateCollection/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate72.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate73(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate73.errors : vErrors.concat(validate73.errors);
errors = vErrors.length;
}
validate72.errors = vErrors;
return errors === 0;
}
validate72.evaluated = {"props":{"new_name":true,"new_metadata":true,"new_configuration":true},"dynamicProps":false,"dynamicItems":false};

export const v2DeleteCollection_params = validate77;
const schema89 = {"$id":"/op/v2DeleteCollection/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate77(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2DeleteCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate77.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate77.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate77.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate77.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate77.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate77.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate77.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate77.errors = vErrors;
return errors === 0;
}
validate77.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2GetCollectionById_params = validate78;
const schema90 = {"$id":"/op/v2GetCollectionById/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate78(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2GetCollectionById/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate78.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate78.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate78.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate78.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate78.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate78.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate78.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate78.errors = vErrors;
return errors === 0;
}
validate78.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionAdd_params = validate79;
const schema91 = {"$id":"/op/v2CollectionAdd/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate79(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionAdd/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate79.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate79.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate79.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate79.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate79.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate79.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate79.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate79.errors = vErrors;
return errors === 0;
}
validate79.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionAdd_body = validate80;
const schema92 = {"$id":"/op/v2CollectionAdd/body","$ref":"/components.json#/$defs/AddEmbedding"};
const schema93 = {"type":"object","description":"Records to add or upsert; optional arrays may be omitted or `null`.","required":["ids","embeddings"],"properties":{"ids":{"type":"array","items":{"type":"string"}},"embeddings":{"type":"array","items":{"$ref":"/components.json#/$defs/Embedding"}},"metadatas":{"type":["array","null"],"items":{"anyOf":[{"$ref":"/components.json#/$defs/Metadata"},{"type":"null"}]}},"documents":{"type":["array","null"],"items":{"type":["string","null"]}},"uris":{"type":["array","null"],"items":{"type":["string","null"]}}}};
const schema94 = {"description":"One embedding: an array of numbers, or a base64 string of its little-endian float32 bytes\n(advertised by `supports_base64_encoding` in pre-flight-checks).\n","oneOf":[{"type":"array","items":{"type":"number"}},{"type":"string","contentEncoding":"base64"}]};

function validate81(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate81.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ids === undefined) && (missing0 = "ids")) || ((data.embeddings === undefined) && (missing0 = "embeddings"))){
validate81.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate81.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate81.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate81.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate81.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate81.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema93.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate81.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate81.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema93.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate81.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema93.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate81.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema93.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate81.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema93.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate81.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate81.errors = vErrors;
return errors === 0;
}
validate81.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate80(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionAdd/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate80.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate81(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate81.errors : vErrors.concat(validate81.errors);
errors = vErrors.length;
}
validate80.errors = vErrors;
return errors === 0;
}
validate80.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionUpdate_params = validate83;
const schema96 = {"$id":"/op/v2CollectionUpdate/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate83(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionUpdate/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate83.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate83.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate83.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate83.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate83.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate83.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate83.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate83.errors = vErrors;
return errors === 0;
}
validate83.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionUpdate_body = validate84;
const schema97 = {"$id":"/op/v2CollectionUpdate/body","$ref":"/components.json#/$defs/UpdateEmbedding"};
const schema98 = {"type":"object","description":"Fields to change on existing records; omitted or `null` arrays are left alone.","required":["ids"],"properties":{"ids":{"type":"array","items":{"type":"string"}},"embeddings":{"type":["array","null"],"items":{"$ref":"/components.json#/$defs/Embedding"}},"metadatas":{"type":["array","null"],"items":{"anyOf":[{"$ref":"/components.json#/$defs/UpdateMetadata"},{"type":"null"}]}},"documents":{"type":["array","null"],"items":{"type":["string","null"]}},"uris":{"type":["array","null"],"items":{"type":["string","null"]}}}};
const schema100 = {"type":"object"};

function validate85(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate85.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.ids === undefined) && (missing0 = "ids")){
validate85.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate85.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate85.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if((!(Array.isArray(data2))) && (data2 !== null)){
validate85.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: schema98.properties.embeddings.type},message:"must be array,null"}];
return false;
}
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate85.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate85.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema98.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/UpdateMetadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate85.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate85.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema98.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate85.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema98.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate85.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema98.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate85.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema98.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate85.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate85.errors = vErrors;
return errors === 0;
}
validate85.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate84(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionUpdate/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate84.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate85(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate85.errors : vErrors.concat(validate85.errors);
errors = vErrors.length;
}
validate84.errors = vErrors;
return errors === 0;
}
validate84.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionUpsert_params = validate87;
const schema101 = {"$id":"/op/v2CollectionUpsert/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate87(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionUpsert/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate87.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate87.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate87.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate87.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate87.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate87.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate87.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate87.errors = vErrors;
return errors === 0;
}
validate87.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionUpsert_body = validate88;
const schema102 = {"$id":"/op/v2CollectionUpsert/body","$ref":"/components.json#/$defs/AddEmbedding"};

function validate89(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate89.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ids === undefined) && (missing0 = "ids")) || ((data.embeddings === undefined) && (missing0 = "embeddings"))){
validate89.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate89.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate89.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate89.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate89.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate89.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema93.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate89.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate89.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema93.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate89.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema93.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate89.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema93.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate89.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema93.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate89.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate89.errors = vErrors;
return errors === 0;
}
validate89.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate88(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionUpsert/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate88.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate89(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate89.errors : vErrors.concat(validate89.errors);
errors = vErrors.length;
}
validate88.errors = vErrors;
return errors === 0;
}
validate88.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionGet_params = validate91;
const schema106 = {"$id":"/op/v2CollectionGet/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate91(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionGet/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate91.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate91.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate91.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate91.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate91.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate91.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate91.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate91.errors = vErrors;
return errors === 0;
}
validate91.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionGet_body = validate92;
const schema107 = {"$id":"/op/v2CollectionGet/body","$ref":"/components.json#/$defs/GetEmbedding"};
const schema108 = {"type":"object","description":"Filters, paging and fields of a get. Every field is optional.","properties":{"ids":{"type":["array","null"],"items":{"type":"string"}},"where":{"anyOf":[{"$ref":"/components.json#/$defs/Where"},{"type":"null"}]},"where_document":{"anyOf":[{"$ref":"/components.json#/$defs/WhereDocument"},{"type":"null"}]},"sort":{"type":["string","null"],"description":"Accepted for chromadb 0.6.3 compatibility; sorting is not supported."},"limit":{"type":["integer","null"],"minimum":0,"maximum":4294967295,"description":"Upstream takes an unsigned 32-bit integer (422 beyond)."},"offset":{"type":["integer","null"],"minimum":0,"maximum":4294967295,"description":"Upstream takes an unsigned 32-bit integer (422 beyond)."},"include":{"$ref":"/components.json#/$defs/Include","default":["metadatas","documents"]}}};
const schema109 = {"type":"object"};
const schema110 = {"type":"object"};
const schema111 = {"type":"array","description":"Which record fields to return.","items":{"$ref":"/components.json#/$defs/IncludeEnum"}};
const schema112 = {"type":"string","description":"A record field that get / query can return.","enum":["documents","embeddings","metadatas","distances","uris"]};

function validate94(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate94.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(Array.isArray(data)){
var valid0 = true;
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
const _errs1 = errors;
if(typeof data0 !== "string"){
validate94.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"/components.json#/$defs/IncludeEnum/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((data0 === "documents") || (data0 === "embeddings")) || (data0 === "metadatas")) || (data0 === "distances")) || (data0 === "uris"))){
validate94.errors = [{instancePath:instancePath+"/" + i0,schemaPath:"/components.json#/$defs/IncludeEnum/enum",keyword:"enum",params:{allowedValues: schema112.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs1 === errors;
if(!valid0){
break;
}
}
}
else {
validate94.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
validate94.errors = vErrors;
return errors === 0;
}
validate94.evaluated = {"items":true,"dynamicProps":false,"dynamicItems":false};


function validate93(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate93.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if((!(Array.isArray(data0))) && (data0 !== null)){
validate93.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema108.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate93.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data2 = data.where;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err0 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
const _errs10 = errors;
if(data2 !== null){
const err1 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err2 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate93.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data3 = data.where_document;
const _errs12 = errors;
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err3 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid4 = valid4 || _valid1;
const _errs17 = errors;
if(data3 !== null){
const err4 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs17 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err5 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate93.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sort !== undefined){
let data4 = data.sort;
const _errs19 = errors;
if((typeof data4 !== "string") && (data4 !== null)){
validate93.errors = [{instancePath:instancePath+"/sort",schemaPath:"#/properties/sort/type",keyword:"type",params:{type: schema108.properties.sort.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data5 = data.limit;
const _errs21 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
validate93.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: schema108.properties.limit.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967295 || isNaN(data5)){
validate93.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate93.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.offset !== undefined){
let data6 = data.offset;
const _errs23 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate93.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/type",keyword:"type",params:{type: schema108.properties.offset.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs23){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
validate93.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate93.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.include !== undefined){
const _errs25 = errors;
if(!(validate94(data.include, {instancePath:instancePath+"/include",parentData:data,parentDataProperty:"include",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);
errors = vErrors.length;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate93.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate93.errors = vErrors;
return errors === 0;
}
validate93.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"sort":true,"limit":true,"offset":true,"include":true},"dynamicProps":false,"dynamicItems":false};


function validate92(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionGet/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate92.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate93(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate93.errors : vErrors.concat(validate93.errors);
errors = vErrors.length;
}
validate92.errors = vErrors;
return errors === 0;
}
validate92.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"sort":true,"limit":true,"offset":true,"include":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionDelete_params = validate97;
const schema113 = {"$id":"/op/v2CollectionDelete/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate97(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionDelete/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate97.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate97.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate97.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate97.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate97.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate97.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate97.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate97.errors = vErrors;
return errors === 0;
}
validate97.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionDelete_body = validate98;
const schema114 = {"$id":"/op/v2CollectionDelete/body","$ref":"/components.json#/$defs/DeleteEmbedding"};
const schema115 = {"type":"object","description":"Which records to delete; all given filters must match. No filter at all deletes nothing;\n`ids: []` without `where` / `where_document` answers 400 (Chroma 1.x: \"Either ids or where\nmust be specified\").\n","properties":{"ids":{"type":["array","null"],"items":{"type":"string"}},"where":{"anyOf":[{"$ref":"/components.json#/$defs/Where"},{"type":"null"}]},"where_document":{"anyOf":[{"$ref":"/components.json#/$defs/WhereDocument"},{"type":"null"}]},"limit":{"type":["integer","null"],"minimum":0,"maximum":4294967295,"description":"Chroma 1.x: delete at most this many of the matching records (the first ones in insertion\norder); `0` deletes none. Only with `where` or `where_document` (400 otherwise).\n"}}};

function validate99(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate99.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if((!(Array.isArray(data0))) && (data0 !== null)){
validate99.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema115.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate99.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data2 = data.where;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err0 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
const _errs10 = errors;
if(data2 !== null){
const err1 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err2 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate99.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data3 = data.where_document;
const _errs12 = errors;
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err3 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid4 = valid4 || _valid1;
const _errs17 = errors;
if(data3 !== null){
const err4 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs17 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err5 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate99.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data4 = data.limit;
const _errs19 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate99.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: schema115.properties.limit.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs19){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 4294967295 || isNaN(data4)){
validate99.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate99.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate99.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate99.errors = vErrors;
return errors === 0;
}
validate99.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"limit":true},"dynamicProps":false,"dynamicItems":false};


function validate98(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionDelete/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate98.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate99(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate99.errors : vErrors.concat(validate99.errors);
errors = vErrors.length;
}
validate98.errors = vErrors;
return errors === 0;
}
validate98.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"limit":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionQuery_params = validate101;
const schema118 = {"$id":"/op/v2CollectionQuery/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate101(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionQuery/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate101.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate101.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate101.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate101.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate101.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate101.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate101.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate101.errors = vErrors;
return errors === 0;
}
validate101.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionQuery_body = validate102;
const schema119 = {"$id":"/op/v2CollectionQuery/body","$ref":"/components.json#/$defs/QueryEmbedding"};
const schema120 = {"type":"object","description":"A nearest-neighbour query.","required":["query_embeddings"],"properties":{"query_embeddings":{"type":"array","items":{"$ref":"/components.json#/$defs/Embedding"}},"n_results":{"type":["integer","null"],"minimum":0,"maximum":4294967295,"default":10,"description":"Results per query embedding (`null` means 10). Chroma 1.x accepts 0 and answers empty\nlists; chromadb 0.6.3 answers 400 for 0.\n"},"ids":{"type":["array","null"],"description":"Only consider these ids (Chroma 1.x).","items":{"type":"string"}},"where":{"anyOf":[{"$ref":"/components.json#/$defs/Where"},{"type":"null"}]},"where_document":{"anyOf":[{"$ref":"/components.json#/$defs/WhereDocument"},{"type":"null"}]},"include":{"$ref":"/components.json#/$defs/Include","default":["metadatas","documents","distances"]}}};

function validate103(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate103.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.query_embeddings === undefined) && (missing0 = "query_embeddings")){
validate103.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.query_embeddings !== undefined){
let data0 = data.query_embeddings;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs3 = errors;
const _errs5 = errors;
let valid3 = false;
let passing0 = null;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data1)){
var valid4 = true;
const len1 = data1.length;
for(let i1=0; i1<len1; i1++){
let data2 = data1[i1];
const _errs8 = errors;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err0 = {instancePath:instancePath+"/query_embeddings/" + i0+"/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid4 = _errs8 === errors;
if(!valid4){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
}
const _errs10 = errors;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err3 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate103.errors = vErrors;
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate103.errors = [{instancePath:instancePath+"/query_embeddings",schemaPath:"#/properties/query_embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.n_results !== undefined){
let data3 = data.n_results;
const _errs12 = errors;
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (data3 !== null)){
validate103.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/type",keyword:"type",params:{type: schema120.properties.n_results.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs12){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4294967295 || isNaN(data3)){
validate103.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate103.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ids !== undefined){
let data4 = data.ids;
const _errs14 = errors;
if((!(Array.isArray(data4))) && (data4 !== null)){
validate103.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema120.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs14){
if(Array.isArray(data4)){
var valid5 = true;
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
const _errs16 = errors;
if(typeof data4[i2] !== "string"){
validate103.errors = [{instancePath:instancePath+"/ids/" + i2,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs16 === errors;
if(!valid5){
break;
}
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data6 = data.where;
const _errs18 = errors;
const _errs19 = errors;
let valid6 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid6 = valid6 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const err6 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate103.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data7 = data.where_document;
const _errs25 = errors;
const _errs26 = errors;
let valid8 = false;
const _errs27 = errors;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err7 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid2 = _errs27 === errors;
valid8 = valid8 || _valid2;
const _errs30 = errors;
if(data7 !== null){
const err8 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid2 = _errs30 === errors;
valid8 = valid8 || _valid2;
if(!valid8){
const err9 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate103.errors = vErrors;
return false;
}
else {
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.include !== undefined){
const _errs32 = errors;
if(!(validate94(data.include, {instancePath:instancePath+"/include",parentData:data,parentDataProperty:"include",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);
errors = vErrors.length;
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate103.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate103.errors = vErrors;
return errors === 0;
}
validate103.evaluated = {"props":{"query_embeddings":true,"n_results":true,"ids":true,"where":true,"where_document":true,"include":true},"dynamicProps":false,"dynamicItems":false};


function validate102(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionQuery/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate102.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate103(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate103.errors : vErrors.concat(validate103.errors);
errors = vErrors.length;
}
validate102.errors = vErrors;
return errors === 0;
}
validate102.evaluated = {"props":{"query_embeddings":true,"n_results":true,"ids":true,"where":true,"where_document":true,"include":true},"dynamicProps":false,"dynamicItems":false};

export const v2CollectionCount_params = validate106;
const schema124 = {"$id":"/op/v2CollectionCount/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate106(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionCount/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate106.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate106.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate106.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate106.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate106.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate106.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate106.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate106.errors = vErrors;
return errors === 0;
}
validate106.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2IndexingStatus_params = validate107;
const schema125 = {"$id":"/op/v2IndexingStatus/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate107(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2IndexingStatus/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate107.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate107.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate107.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate107.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate107.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate107.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate107.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate107.errors = vErrors;
return errors === 0;
}
validate107.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionSearch_params = validate108;
const schema126 = {"$id":"/op/v2CollectionSearch/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate108(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionSearch/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate108.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate108.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate108.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate108.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate108.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate108.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate108.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate108.errors = vErrors;
return errors === 0;
}
validate108.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2CollectionSearch_body = validate109;
const schema127 = {"$id":"/op/v2CollectionSearch/body","$ref":"/components.json#/$defs/SearchRequestPayload"};
const schema128 = {"type":"object"};

function validate109(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2CollectionSearch/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate109.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(data && typeof data == "object" && !Array.isArray(data))){
validate109.errors = [{instancePath,schemaPath:"/components.json#/$defs/SearchRequestPayload/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
validate109.errors = vErrors;
return errors === 0;
}
validate109.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const v2ForkCollection_params = validate110;
const schema129 = {"$id":"/op/v2ForkCollection/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate110(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ForkCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate110.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate110.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate110.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate110.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate110.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate110.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate110.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate110.errors = vErrors;
return errors === 0;
}
validate110.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v2ForkCollection_body = validate111;
const schema130 = {"$id":"/op/v2ForkCollection/body","$ref":"/components.json#/$defs/ForkCollectionPayload"};
const schema131 = {"type":"object","required":["new_name"],"properties":{"new_name":{"type":"string","description":"Name of the new collection (the usual collection-name rules apply)."}}};

function validate111(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ForkCollection/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate111.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.new_name === undefined) && (missing0 = "new_name")){
validate111.errors = [{instancePath,schemaPath:"/components.json#/$defs/ForkCollectionPayload/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.new_name !== undefined){
if(typeof data.new_name !== "string"){
validate111.errors = [{instancePath:instancePath+"/new_name",schemaPath:"/components.json#/$defs/ForkCollectionPayload/properties/new_name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate111.errors = [{instancePath,schemaPath:"/components.json#/$defs/ForkCollectionPayload/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate111.errors = vErrors;
return errors === 0;
}
validate111.evaluated = {"props":{"new_name":true},"dynamicProps":false,"dynamicItems":false};

export const v2ForkCount_params = validate112;
const schema132 = {"$id":"/op/v2ForkCount/params","type":"object","properties":{"tenant":{"type":"string"},"database":{"type":"string"},"collection_id":{"type":"string"}},"required":["tenant","database","collection_id"],"additionalProperties":false};

function validate112(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v2ForkCount/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate112.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.tenant === undefined) && (missing0 = "tenant")) || ((data.database === undefined) && (missing0 = "database"))) || ((data.collection_id === undefined) && (missing0 = "collection_id"))){
validate112.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(((key0 === "tenant") || (key0 === "database")) || (key0 === "collection_id"))){
validate112.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
const _errs2 = errors;
if(typeof data.tenant !== "string"){
validate112.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs2 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs4 = errors;
if(typeof data.database !== "string"){
validate112.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.collection_id !== undefined){
const _errs6 = errors;
if(typeof data.collection_id !== "string"){
validate112.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate112.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate112.errors = vErrors;
return errors === 0;
}
validate112.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CreateDatabase_query = validate113;
const schema133 = {"$id":"/op/v1CreateDatabase/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"}}};

function validate113(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CreateDatabase/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate113.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate113.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
else {
validate113.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate113.errors = vErrors;
return errors === 0;
}
validate113.evaluated = {"props":{"tenant":true},"dynamicProps":false,"dynamicItems":false};

export const v1CreateDatabase_body = validate114;
const schema134 = {"$id":"/op/v1CreateDatabase/body","$ref":"/components.json#/$defs/CreateDatabase"};

function validate114(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CreateDatabase/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate114.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate114.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateDatabase/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
if(typeof data.name !== "string"){
validate114.errors = [{instancePath:instancePath+"/name",schemaPath:"/components.json#/$defs/CreateDatabase/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate114.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateDatabase/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate114.errors = vErrors;
return errors === 0;
}
validate114.evaluated = {"props":{"name":true},"dynamicProps":false,"dynamicItems":false};

export const v1GetDatabase_params = validate115;
const schema136 = {"$id":"/op/v1GetDatabase/params","type":"object","properties":{"database":{"type":"string"}},"required":["database"],"additionalProperties":false};

function validate115(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1GetDatabase/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate115.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.database === undefined) && (missing0 = "database")){
validate115.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "database")){
validate115.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.database !== undefined){
if(typeof data.database !== "string"){
validate115.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate115.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate115.errors = vErrors;
return errors === 0;
}
validate115.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1GetDatabase_query = validate116;
const schema137 = {"$id":"/op/v1GetDatabase/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"}}};

function validate116(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1GetDatabase/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate116.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate116.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
else {
validate116.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate116.errors = vErrors;
return errors === 0;
}
validate116.evaluated = {"props":{"tenant":true},"dynamicProps":false,"dynamicItems":false};

export const v1CreateTenant_body = validate117;
const schema138 = {"$id":"/op/v1CreateTenant/body","$ref":"/components.json#/$defs/CreateTenant"};

function validate117(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CreateTenant/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate117.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
if(errors === _errs0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate117.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateTenant/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
if(typeof data.name !== "string"){
validate117.errors = [{instancePath:instancePath+"/name",schemaPath:"/components.json#/$defs/CreateTenant/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
else {
validate117.errors = [{instancePath,schemaPath:"/components.json#/$defs/CreateTenant/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate117.errors = vErrors;
return errors === 0;
}
validate117.evaluated = {"props":{"name":true},"dynamicProps":false,"dynamicItems":false};

export const v1GetTenant_params = validate118;
const schema140 = {"$id":"/op/v1GetTenant/params","type":"object","properties":{"tenant":{"type":"string"}},"required":["tenant"],"additionalProperties":false};

function validate118(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1GetTenant/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate118.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.tenant === undefined) && (missing0 = "tenant")){
validate118.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "tenant")){
validate118.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.tenant !== undefined){
if(typeof data.tenant !== "string"){
validate118.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate118.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate118.errors = vErrors;
return errors === 0;
}
validate118.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1ListCollections_query = validate119;
const schema141 = {"$id":"/op/v1ListCollections/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"},"database":{"type":"string","default":"default_database"},"limit":{"type":"integer","minimum":0,"maximum":4294967295},"offset":{"type":"integer","minimum":0,"maximum":4294967295}}};

function validate119(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1ListCollections/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate119.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
const _errs1 = errors;
if(typeof data.tenant !== "string"){
validate119.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs3 = errors;
if(typeof data.database !== "string"){
validate119.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data2 = data.limit;
const _errs5 = errors;
if(!(((typeof data2 == "number") && (!(data2 % 1) && !isNaN(data2))) && (isFinite(data2)))){
validate119.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs5){
if((typeof data2 == "number") && (isFinite(data2))){
if(data2 > 4294967295 || isNaN(data2)){
validate119.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data2 < 0 || isNaN(data2)){
validate119.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.offset !== undefined){
let data3 = data.offset;
const _errs7 = errors;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
validate119.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs7){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4294967295 || isNaN(data3)){
validate119.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate119.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate119.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate119.errors = vErrors;
return errors === 0;
}
validate119.evaluated = {"props":{"tenant":true,"database":true,"limit":true,"offset":true},"dynamicProps":false,"dynamicItems":false};

export const v1CreateCollection_query = validate120;
const schema142 = {"$id":"/op/v1CreateCollection/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"},"database":{"type":"string","default":"default_database"}}};

function validate120(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CreateCollection/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate120.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
const _errs1 = errors;
if(typeof data.tenant !== "string"){
validate120.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs3 = errors;
if(typeof data.database !== "string"){
validate120.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate120.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate120.errors = vErrors;
return errors === 0;
}
validate120.evaluated = {"props":{"tenant":true,"database":true},"dynamicProps":false,"dynamicItems":false};

export const v1CreateCollection_body = validate121;
const schema143 = {"$id":"/op/v1CreateCollection/body","$ref":"/components.json#/$defs/CreateCollection"};

function validate122(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate122.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.name === undefined) && (missing0 = "name")){
validate122.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.name !== undefined){
const _errs1 = errors;
if(typeof data.name !== "string"){
validate122.errors = [{instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.configuration !== undefined){
let data1 = data.configuration;
const _errs3 = errors;
const _errs4 = errors;
let valid1 = false;
const _errs5 = errors;
if(!(validate37(data1, {instancePath:instancePath+"/configuration",parentData:data,parentDataProperty:"configuration",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate37.errors : vErrors.concat(validate37.errors);
errors = vErrors.length;
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
if(_valid0){
var props0 = {};
props0.hnsw = true;
props0.spann = true;
props0.embedding_function = true;
}
const _errs6 = errors;
if(data1 !== null){
const err0 = {instancePath:instancePath+"/configuration",schemaPath:"#/properties/configuration/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs6 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err1 = {instancePath:instancePath+"/configuration",schemaPath:"#/properties/configuration/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
validate122.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.schema !== undefined){
let data2 = data.schema;
const _errs8 = errors;
const _errs9 = errors;
let valid2 = false;
const _errs10 = errors;
if(!(validate43(data2, {instancePath:instancePath+"/schema",parentData:data,parentDataProperty:"schema",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate43.errors : vErrors.concat(validate43.errors);
errors = vErrors.length;
}
var _valid1 = _errs10 === errors;
valid2 = valid2 || _valid1;
if(_valid1){
var props1 = {};
props1.defaults = true;
props1.keys = true;
}
const _errs11 = errors;
if(data2 !== null){
const err2 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid1 = _errs11 === errors;
valid2 = valid2 || _valid1;
if(!valid2){
const err3 = {instancePath:instancePath+"/schema",schemaPath:"#/properties/schema/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate122.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs8 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadata !== undefined){
let data3 = data.metadata;
const _errs13 = errors;
const _errs14 = errors;
let valid3 = false;
const _errs15 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid2 = _errs15 === errors;
valid3 = valid3 || _valid2;
const _errs18 = errors;
if(data3 !== null){
const err5 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid2 = _errs18 === errors;
valid3 = valid3 || _valid2;
if(!valid3){
const err6 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate122.errors = vErrors;
return false;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs13 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.get_or_create !== undefined){
const _errs20 = errors;
if(typeof data.get_or_create !== "boolean"){
validate122.errors = [{instancePath:instancePath+"/get_or_create",schemaPath:"#/properties/get_or_create/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"}];
return false;
}
var valid0 = _errs20 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate122.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate122.errors = vErrors;
return errors === 0;
}
validate122.evaluated = {"props":{"name":true,"configuration":true,"schema":true,"metadata":true,"get_or_create":true},"dynamicProps":false,"dynamicItems":false};


function validate121(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CreateCollection/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate121.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate122(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate122.errors : vErrors.concat(validate122.errors);
errors = vErrors.length;
}
validate121.errors = vErrors;
return errors === 0;
}
validate121.evaluated = {"props":{"name":true,"configuration":true,"schema":true,"metadata":true,"get_or_create":true},"dynamicProps":false,"dynamicItems":false};

export const v1CountCollections_query = validate126;
const schema146 = {"$id":"/op/v1CountCollections/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"},"database":{"type":"string","default":"default_database"}}};

function validate126(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CountCollections/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate126.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
const _errs1 = errors;
if(typeof data.tenant !== "string"){
validate126.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs3 = errors;
if(typeof data.database !== "string"){
validate126.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate126.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate126.errors = vErrors;
return errors === 0;
}
validate126.evaluated = {"props":{"tenant":true,"database":true},"dynamicProps":false,"dynamicItems":false};

export const v1GetCollection_params = validate127;
const schema147 = {"$id":"/op/v1GetCollection/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate127(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1GetCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate127.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate127.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate127.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate127.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate127.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate127.errors = vErrors;
return errors === 0;
}
validate127.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1GetCollection_query = validate128;
const schema148 = {"$id":"/op/v1GetCollection/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"},"database":{"type":"string","default":"default_database"}}};

function validate128(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1GetCollection/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate128.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
const _errs1 = errors;
if(typeof data.tenant !== "string"){
validate128.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs3 = errors;
if(typeof data.database !== "string"){
validate128.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate128.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate128.errors = vErrors;
return errors === 0;
}
validate128.evaluated = {"props":{"tenant":true,"database":true},"dynamicProps":false,"dynamicItems":false};

export const v1UpdateCollection_params = validate129;
const schema149 = {"$id":"/op/v1UpdateCollection/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate129(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1UpdateCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate129.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate129.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate129.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate129.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate129.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate129.errors = vErrors;
return errors === 0;
}
validate129.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1UpdateCollection_body = validate130;
const schema150 = {"$id":"/op/v1UpdateCollection/body","$ref":"/components.json#/$defs/UpdateCollection"};

function validate131(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate131.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.new_name !== undefined){
let data0 = data.new_name;
const _errs1 = errors;
if((typeof data0 !== "string") && (data0 !== null)){
validate131.errors = [{instancePath:instancePath+"/new_name",schemaPath:"#/properties/new_name/type",keyword:"type",params:{type: schema83.properties.new_name.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.new_metadata !== undefined){
let data1 = data.new_metadata;
const _errs3 = errors;
const _errs4 = errors;
let valid1 = false;
const _errs5 = errors;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err0 = {instancePath:instancePath+"/new_metadata",schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs5 === errors;
valid1 = valid1 || _valid0;
const _errs8 = errors;
if(data1 !== null){
const err1 = {instancePath:instancePath+"/new_metadata",schemaPath:"#/properties/new_metadata/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs8 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const err2 = {instancePath:instancePath+"/new_metadata",schemaPath:"#/properties/new_metadata/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate131.errors = vErrors;
return false;
}
else {
errors = _errs4;
if(vErrors !== null){
if(_errs4){
vErrors.length = _errs4;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.new_configuration !== undefined){
let data2 = data.new_configuration;
const _errs10 = errors;
const _errs11 = errors;
let valid3 = false;
const _errs12 = errors;
if(!(validate74(data2, {instancePath:instancePath+"/new_configuration",parentData:data,parentDataProperty:"new_configuration",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate74.errors : vErrors.concat(validate74.errors);
errors = vErrors.length;
}
var _valid1 = _errs12 === errors;
valid3 = valid3 || _valid1;
if(_valid1){
var props0 = {};
props0.hnsw = true;
props0.spann = true;
props0.embedding_function = true;
}
const _errs13 = errors;
if(data2 !== null){
const err3 = {instancePath:instancePath+"/new_configuration",schemaPath:"#/properties/new_configuration/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs13 === errors;
valid3 = valid3 || _valid1;
if(!valid3){
const err4 = {instancePath:instancePath+"/new_configuration",schemaPath:"#/properties/new_configuration/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
validate131.errors = vErrors;
return false;
}
else {
errors = _errs11;
if(vErrors !== null){
if(_errs11){
vErrors.length = _errs11;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate131.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate131.errors = vErrors;
return errors === 0;
}
validate131.evaluated = {"props":{"new_name":true,"new_metadata":true,"new_configuration":true},"dynamicProps":false,"dynamicItems":false};


function validate130(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1UpdateCollection/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate130.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate131(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate131.errors : vErrors.concat(validate131.errors);
errors = vErrors.length;
}
validate130.errors = vErrors;
return errors === 0;
}
validate130.evaluated = {"props":{"new_name":true,"new_metadata":true,"new_configuration":true},"dynamicProps":false,"dynamicItems":false};

export const v1DeleteCollection_params = validate134;
const schema153 = {"$id":"/op/v1DeleteCollection/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate134(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1DeleteCollection/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate134.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate134.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate134.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate134.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate134.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate134.errors = vErrors;
return errors === 0;
}
validate134.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1DeleteCollection_query = validate135;
const schema154 = {"$id":"/op/v1DeleteCollection/query","type":"object","properties":{"tenant":{"type":"string","default":"default_tenant"},"database":{"type":"string","default":"default_database"}}};

function validate135(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1DeleteCollection/query" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate135.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tenant !== undefined){
const _errs1 = errors;
if(typeof data.tenant !== "string"){
validate135.errors = [{instancePath:instancePath+"/tenant",schemaPath:"#/properties/tenant/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.database !== undefined){
const _errs3 = errors;
if(typeof data.database !== "string"){
validate135.errors = [{instancePath:instancePath+"/database",schemaPath:"#/properties/database/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate135.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate135.errors = vErrors;
return errors === 0;
}
validate135.evaluated = {"props":{"tenant":true,"database":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionAdd_params = validate136;
const schema155 = {"$id":"/op/v1CollectionAdd/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate136(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionAdd/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate136.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate136.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate136.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate136.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate136.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate136.errors = vErrors;
return errors === 0;
}
validate136.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionAdd_body = validate137;
const schema156 = {"$id":"/op/v1CollectionAdd/body","$ref":"/components.json#/$defs/AddEmbedding"};

function validate138(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate138.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ids === undefined) && (missing0 = "ids")) || ((data.embeddings === undefined) && (missing0 = "embeddings"))){
validate138.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate138.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate138.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate138.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate138.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate138.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema93.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate138.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate138.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema93.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate138.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema93.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate138.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema93.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate138.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema93.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate138.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate138.errors = vErrors;
return errors === 0;
}
validate138.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate137(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionAdd/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate137.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate138(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate138.errors : vErrors.concat(validate138.errors);
errors = vErrors.length;
}
validate137.errors = vErrors;
return errors === 0;
}
validate137.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionUpdate_params = validate140;
const schema160 = {"$id":"/op/v1CollectionUpdate/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate140(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionUpdate/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate140.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate140.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate140.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate140.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate140.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate140.errors = vErrors;
return errors === 0;
}
validate140.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionUpdate_body = validate141;
const schema161 = {"$id":"/op/v1CollectionUpdate/body","$ref":"/components.json#/$defs/UpdateEmbedding"};

function validate142(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate142.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.ids === undefined) && (missing0 = "ids")){
validate142.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate142.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate142.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if((!(Array.isArray(data2))) && (data2 !== null)){
validate142.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: schema98.properties.embeddings.type},message:"must be array,null"}];
return false;
}
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate142.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate142.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema98.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/UpdateMetadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate142.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate142.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema98.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate142.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema98.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate142.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema98.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate142.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema98.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate142.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate142.errors = vErrors;
return errors === 0;
}
validate142.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate141(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionUpdate/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate141.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate142(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate142.errors : vErrors.concat(validate142.errors);
errors = vErrors.length;
}
validate141.errors = vErrors;
return errors === 0;
}
validate141.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionUpsert_params = validate144;
const schema165 = {"$id":"/op/v1CollectionUpsert/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate144(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionUpsert/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate144.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate144.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate144.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate144.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate144.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate144.errors = vErrors;
return errors === 0;
}
validate144.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionUpsert_body = validate145;
const schema166 = {"$id":"/op/v1CollectionUpsert/body","$ref":"/components.json#/$defs/AddEmbedding"};

function validate146(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate146.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ids === undefined) && (missing0 = "ids")) || ((data.embeddings === undefined) && (missing0 = "embeddings"))){
validate146.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate146.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate146.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.embeddings !== undefined){
let data2 = data.embeddings;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
var valid2 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
const _errs7 = errors;
const _errs9 = errors;
let valid4 = false;
let passing0 = null;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data3)){
var valid5 = true;
const len2 = data3.length;
for(let i2=0; i2<len2; i2++){
let data4 = data3[i2];
const _errs12 = errors;
if(!((typeof data4 == "number") && (isFinite(data4)))){
const err0 = {instancePath:instancePath+"/embeddings/" + i1+"/" + i2,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid5 = _errs12 === errors;
if(!valid5){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs10 === errors;
if(_valid0){
valid4 = true;
passing0 = 0;
}
const _errs14 = errors;
if(typeof data3 !== "string"){
const err2 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs14 === errors;
if(_valid0 && valid4){
valid4 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid4 = true;
passing0 = 1;
}
}
if(!valid4){
const err3 = {instancePath:instancePath+"/embeddings/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate146.errors = vErrors;
return false;
}
else {
errors = _errs9;
if(vErrors !== null){
if(_errs9){
vErrors.length = _errs9;
}
else {
vErrors = null;
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
else {
validate146.errors = [{instancePath:instancePath+"/embeddings",schemaPath:"#/properties/embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.metadatas !== undefined){
let data5 = data.metadatas;
const _errs16 = errors;
if((!(Array.isArray(data5))) && (data5 !== null)){
validate146.errors = [{instancePath:instancePath+"/metadatas",schemaPath:"#/properties/metadatas/type",keyword:"type",params:{type: schema93.properties.metadatas.type},message:"must be array,null"}];
return false;
}
if(errors === _errs16){
if(Array.isArray(data5)){
var valid6 = true;
const len3 = data5.length;
for(let i3=0; i3<len3; i3++){
let data6 = data5[i3];
const _errs18 = errors;
const _errs19 = errors;
let valid7 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"/components.json#/$defs/Metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid7 = valid7 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid7 = valid7 || _valid1;
if(!valid7){
const err6 = {instancePath:instancePath+"/metadatas/" + i3,schemaPath:"#/properties/metadatas/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate146.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid6 = _errs18 === errors;
if(!valid6){
break;
}
}
}
}
var valid0 = _errs16 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.documents !== undefined){
let data7 = data.documents;
const _errs25 = errors;
if((!(Array.isArray(data7))) && (data7 !== null)){
validate146.errors = [{instancePath:instancePath+"/documents",schemaPath:"#/properties/documents/type",keyword:"type",params:{type: schema93.properties.documents.type},message:"must be array,null"}];
return false;
}
if(errors === _errs25){
if(Array.isArray(data7)){
var valid9 = true;
const len4 = data7.length;
for(let i4=0; i4<len4; i4++){
let data8 = data7[i4];
const _errs27 = errors;
if((typeof data8 !== "string") && (data8 !== null)){
validate146.errors = [{instancePath:instancePath+"/documents/" + i4,schemaPath:"#/properties/documents/items/type",keyword:"type",params:{type: schema93.properties.documents.items.type},message:"must be string,null"}];
return false;
}
var valid9 = _errs27 === errors;
if(!valid9){
break;
}
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.uris !== undefined){
let data9 = data.uris;
const _errs29 = errors;
if((!(Array.isArray(data9))) && (data9 !== null)){
validate146.errors = [{instancePath:instancePath+"/uris",schemaPath:"#/properties/uris/type",keyword:"type",params:{type: schema93.properties.uris.type},message:"must be array,null"}];
return false;
}
if(errors === _errs29){
if(Array.isArray(data9)){
var valid10 = true;
const len5 = data9.length;
for(let i5=0; i5<len5; i5++){
let data10 = data9[i5];
const _errs31 = errors;
if((typeof data10 !== "string") && (data10 !== null)){
validate146.errors = [{instancePath:instancePath+"/uris/" + i5,schemaPath:"#/properties/uris/items/type",keyword:"type",params:{type: schema93.properties.uris.items.type},message:"must be string,null"}];
return false;
}
var valid10 = _errs31 === errors;
if(!valid10){
break;
}
}
}
}
var valid0 = _errs29 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate146.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate146.errors = vErrors;
return errors === 0;
}
validate146.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};


function validate145(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionUpsert/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate145.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate146(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate146.errors : vErrors.concat(validate146.errors);
errors = vErrors.length;
}
validate145.errors = vErrors;
return errors === 0;
}
validate145.evaluated = {"props":{"ids":true,"embeddings":true,"metadatas":true,"documents":true,"uris":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionGet_params = validate148;
const schema170 = {"$id":"/op/v1CollectionGet/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate148(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionGet/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate148.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate148.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate148.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate148.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate148.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate148.errors = vErrors;
return errors === 0;
}
validate148.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionGet_body = validate149;
const schema171 = {"$id":"/op/v1CollectionGet/body","$ref":"/components.json#/$defs/GetEmbedding"};

function validate150(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate150.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if((!(Array.isArray(data0))) && (data0 !== null)){
validate150.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema108.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate150.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data2 = data.where;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err0 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
const _errs10 = errors;
if(data2 !== null){
const err1 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err2 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate150.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data3 = data.where_document;
const _errs12 = errors;
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err3 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid4 = valid4 || _valid1;
const _errs17 = errors;
if(data3 !== null){
const err4 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs17 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err5 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate150.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.sort !== undefined){
let data4 = data.sort;
const _errs19 = errors;
if((typeof data4 !== "string") && (data4 !== null)){
validate150.errors = [{instancePath:instancePath+"/sort",schemaPath:"#/properties/sort/type",keyword:"type",params:{type: schema108.properties.sort.type},message:"must be string,null"}];
return false;
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data5 = data.limit;
const _errs21 = errors;
if((!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))) && (data5 !== null)){
validate150.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: schema108.properties.limit.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs21){
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 > 4294967295 || isNaN(data5)){
validate150.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data5 < 0 || isNaN(data5)){
validate150.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs21 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.offset !== undefined){
let data6 = data.offset;
const _errs23 = errors;
if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (data6 !== null)){
validate150.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/type",keyword:"type",params:{type: schema108.properties.offset.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs23){
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 > 4294967295 || isNaN(data6)){
validate150.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data6 < 0 || isNaN(data6)){
validate150.errors = [{instancePath:instancePath+"/offset",schemaPath:"#/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs23 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.include !== undefined){
const _errs25 = errors;
if(!(validate94(data.include, {instancePath:instancePath+"/include",parentData:data,parentDataProperty:"include",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);
errors = vErrors.length;
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate150.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate150.errors = vErrors;
return errors === 0;
}
validate150.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"sort":true,"limit":true,"offset":true,"include":true},"dynamicProps":false,"dynamicItems":false};


function validate149(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionGet/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate149.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate150(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate150.errors : vErrors.concat(validate150.errors);
errors = vErrors.length;
}
validate149.errors = vErrors;
return errors === 0;
}
validate149.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"sort":true,"limit":true,"offset":true,"include":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionDelete_params = validate153;
const schema175 = {"$id":"/op/v1CollectionDelete/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate153(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionDelete/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate153.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate153.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate153.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate153.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate153.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate153.errors = vErrors;
return errors === 0;
}
validate153.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionDelete_body = validate154;
const schema176 = {"$id":"/op/v1CollectionDelete/body","$ref":"/components.json#/$defs/DeleteEmbedding"};

function validate155(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate155.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.ids !== undefined){
let data0 = data.ids;
const _errs1 = errors;
if((!(Array.isArray(data0))) && (data0 !== null)){
validate155.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema115.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
const _errs3 = errors;
if(typeof data0[i0] !== "string"){
validate155.errors = [{instancePath:instancePath+"/ids/" + i0,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data2 = data.where;
const _errs5 = errors;
const _errs6 = errors;
let valid2 = false;
const _errs7 = errors;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err0 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid2 = valid2 || _valid0;
const _errs10 = errors;
if(data2 !== null){
const err1 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
var _valid0 = _errs10 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const err2 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
validate155.errors = vErrors;
return false;
}
else {
errors = _errs6;
if(vErrors !== null){
if(_errs6){
vErrors.length = _errs6;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data3 = data.where_document;
const _errs12 = errors;
const _errs13 = errors;
let valid4 = false;
const _errs14 = errors;
if(!(data3 && typeof data3 == "object" && !Array.isArray(data3))){
const err3 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
var _valid1 = _errs14 === errors;
valid4 = valid4 || _valid1;
const _errs17 = errors;
if(data3 !== null){
const err4 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs17 === errors;
valid4 = valid4 || _valid1;
if(!valid4){
const err5 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
validate155.errors = vErrors;
return false;
}
else {
errors = _errs13;
if(vErrors !== null){
if(_errs13){
vErrors.length = _errs13;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.limit !== undefined){
let data4 = data.limit;
const _errs19 = errors;
if((!(((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4))) && (isFinite(data4)))) && (data4 !== null)){
validate155.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/type",keyword:"type",params:{type: schema115.properties.limit.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs19){
if((typeof data4 == "number") && (isFinite(data4))){
if(data4 > 4294967295 || isNaN(data4)){
validate155.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data4 < 0 || isNaN(data4)){
validate155.errors = [{instancePath:instancePath+"/limit",schemaPath:"#/properties/limit/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs19 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate155.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate155.errors = vErrors;
return errors === 0;
}
validate155.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"limit":true},"dynamicProps":false,"dynamicItems":false};


function validate154(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionDelete/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate154.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate155(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate155.errors : vErrors.concat(validate155.errors);
errors = vErrors.length;
}
validate154.errors = vErrors;
return errors === 0;
}
validate154.evaluated = {"props":{"ids":true,"where":true,"where_document":true,"limit":true},"dynamicProps":false,"dynamicItems":false};

export const v1CollectionCount_params = validate157;
const schema180 = {"$id":"/op/v1CollectionCount/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate157(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionCount/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate157.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate157.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate157.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate157.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate157.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate157.errors = vErrors;
return errors === 0;
}
validate157.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionQuery_params = validate158;
const schema181 = {"$id":"/op/v1CollectionQuery/params","type":"object","properties":{"collection_id":{"type":"string"}},"required":["collection_id"],"additionalProperties":false};

function validate158(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionQuery/params" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate158.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.collection_id === undefined) && (missing0 = "collection_id")){
validate158.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
const _errs1 = errors;
for(const key0 in data){
if(!(key0 === "collection_id")){
validate158.errors = [{instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"}];
return false;
break;
}
}
if(_errs1 === errors){
if(data.collection_id !== undefined){
if(typeof data.collection_id !== "string"){
validate158.errors = [{instancePath:instancePath+"/collection_id",schemaPath:"#/properties/collection_id/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate158.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate158.errors = vErrors;
return errors === 0;
}
validate158.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

export const v1CollectionQuery_body = validate159;
const schema182 = {"$id":"/op/v1CollectionQuery/body","$ref":"/components.json#/$defs/QueryEmbedding"};

function validate160(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate160.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.query_embeddings === undefined) && (missing0 = "query_embeddings")){
validate160.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.query_embeddings !== undefined){
let data0 = data.query_embeddings;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs3 = errors;
const _errs5 = errors;
let valid3 = false;
let passing0 = null;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data1)){
var valid4 = true;
const len1 = data1.length;
for(let i1=0; i1<len1; i1++){
let data2 = data1[i1];
const _errs8 = errors;
if(!((typeof data2 == "number") && (isFinite(data2)))){
const err0 = {instancePath:instancePath+"/query_embeddings/" + i0+"/" + i1,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/items/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var valid4 = _errs8 === errors;
if(!valid4){
break;
}
}
}
else {
const err1 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf/0/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
var _valid0 = _errs6 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
}
const _errs10 = errors;
if(typeof data1 !== "string"){
const err2 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf/1/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var _valid0 = _errs10 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err3 = {instancePath:instancePath+"/query_embeddings/" + i0,schemaPath:"/components.json#/$defs/Embedding/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
validate160.errors = vErrors;
return false;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
else {
validate160.errors = [{instancePath:instancePath+"/query_embeddings",schemaPath:"#/properties/query_embeddings/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.n_results !== undefined){
let data3 = data.n_results;
const _errs12 = errors;
if((!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))) && (data3 !== null)){
validate160.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/type",keyword:"type",params:{type: schema120.properties.n_results.type},message:"must be integer,null"}];
return false;
}
if(errors === _errs12){
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 > 4294967295 || isNaN(data3)){
validate160.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/maximum",keyword:"maximum",params:{comparison: "<=", limit: 4294967295},message:"must be <= 4294967295"}];
return false;
}
else {
if(data3 < 0 || isNaN(data3)){
validate160.errors = [{instancePath:instancePath+"/n_results",schemaPath:"#/properties/n_results/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs12 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ids !== undefined){
let data4 = data.ids;
const _errs14 = errors;
if((!(Array.isArray(data4))) && (data4 !== null)){
validate160.errors = [{instancePath:instancePath+"/ids",schemaPath:"#/properties/ids/type",keyword:"type",params:{type: schema120.properties.ids.type},message:"must be array,null"}];
return false;
}
if(errors === _errs14){
if(Array.isArray(data4)){
var valid5 = true;
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
const _errs16 = errors;
if(typeof data4[i2] !== "string"){
validate160.errors = [{instancePath:instancePath+"/ids/" + i2,schemaPath:"#/properties/ids/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid5 = _errs16 === errors;
if(!valid5){
break;
}
}
}
}
var valid0 = _errs14 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where !== undefined){
let data6 = data.where;
const _errs18 = errors;
const _errs19 = errors;
let valid6 = false;
const _errs20 = errors;
if(!(data6 && typeof data6 == "object" && !Array.isArray(data6))){
const err4 = {instancePath:instancePath+"/where",schemaPath:"/components.json#/$defs/Where/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid1 = _errs20 === errors;
valid6 = valid6 || _valid1;
const _errs23 = errors;
if(data6 !== null){
const err5 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid1 = _errs23 === errors;
valid6 = valid6 || _valid1;
if(!valid6){
const err6 = {instancePath:instancePath+"/where",schemaPath:"#/properties/where/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
validate160.errors = vErrors;
return false;
}
else {
errors = _errs19;
if(vErrors !== null){
if(_errs19){
vErrors.length = _errs19;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs18 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.where_document !== undefined){
let data7 = data.where_document;
const _errs25 = errors;
const _errs26 = errors;
let valid8 = false;
const _errs27 = errors;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err7 = {instancePath:instancePath+"/where_document",schemaPath:"/components.json#/$defs/WhereDocument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
var _valid2 = _errs27 === errors;
valid8 = valid8 || _valid2;
const _errs30 = errors;
if(data7 !== null){
const err8 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid2 = _errs30 === errors;
valid8 = valid8 || _valid2;
if(!valid8){
const err9 = {instancePath:instancePath+"/where_document",schemaPath:"#/properties/where_document/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
validate160.errors = vErrors;
return false;
}
else {
errors = _errs26;
if(vErrors !== null){
if(_errs26){
vErrors.length = _errs26;
}
else {
vErrors = null;
}
}
}
var valid0 = _errs25 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.include !== undefined){
const _errs32 = errors;
if(!(validate94(data.include, {instancePath:instancePath+"/include",parentData:data,parentDataProperty:"include",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate94.errors : vErrors.concat(validate94.errors);
errors = vErrors.length;
}
var valid0 = _errs32 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
}
else {
validate160.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate160.errors = vErrors;
return errors === 0;
}
validate160.evaluated = {"props":{"query_embeddings":true,"n_results":true,"ids":true,"where":true,"where_document":true,"include":true},"dynamicProps":false,"dynamicItems":false};


function validate159(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="/op/v1CollectionQuery/body" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate159.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!(validate160(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate160.errors : vErrors.concat(validate160.errors);
errors = vErrors.length;
}
validate159.errors = vErrors;
return errors === 0;
}
validate159.evaluated = {"props":{"query_embeddings":true,"n_results":true,"ids":true,"where":true,"where_document":true,"include":true},"dynamicProps":false,"dynamicItems":false};

