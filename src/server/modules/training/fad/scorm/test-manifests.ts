/** Manifests shaped like real packages, for the tests (SCORM 1.2 and 2004 4th edition). */

export const MANIFEST_12 = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="com.example.golf.12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="golf_org">
    <organization identifier="golf_org">
      <title>Golf Explained</title>
      <item identifier="item_intro" isvisible="true">
        <title>Introduction</title>
        <item identifier="item_1" identifierref="res_common" isvisible="true">
          <title>Common files</title>
        </item>
        <item identifier="item_2" identifierref="res_play" isvisible="true" parameters="?lesson=1">
          <title>Playing the game</title>
          <adlcp:masteryscore>80</adlcp:masteryscore>
        </item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res_common" type="webcontent" adlcp:scormtype="asset">
      <file href="shared/style.css"/>
    </resource>
    <resource identifier="res_play" type="webcontent" adlcp:scormtype="sco" href="Playing/Playing.html">
      <file href="Playing/Playing.html"/>
      <dependency identifierref="res_common"/>
    </resource>
  </resources>
</manifest>`;

export const MANIFEST_2004 = `<?xml version="1.0" standalone="no" ?>
<manifest identifier="com.example.golf.2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="other_org">
    <organization identifier="first_org">
      <title>Not the default</title>
      <item identifier="x" identifierref="res_other"><title>Other</title></item>
    </organization>
    <organization identifier="other_org" adlseq:objectivesGlobalToSystem="false">
      <title>Golf Explained 2004</title>
      <item identifier="item_1" identifierref="res_sco" parameters="#start">
        <title>Etiquette</title>
        <imsss:sequencing><imsss:deliveryControls completionSetByContent="true"/></imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="res_other" type="webcontent" adlcp:scormType="sco" href="other.html">
      <file href="other.html"/>
    </resource>
    <resource identifier="res_sco" type="webcontent" adlcp:scormType="sco" href="etiquette/index.html">
      <file href="etiquette/index.html"/>
    </resource>
  </resources>
</manifest>`;
